package org.reglament.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.reglament.calendar.DecreeDays;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.matrix.MatrixReadings;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.ServiceCategory;
import org.reglament.matrix.ServiceDescription;

/**
 * act.yaml's {@code stepReads} against the rules: a field is listed for a step exactly when some value of it changes
 * what the step's rules (and the period rules counting its term) derive. Deadline and timeline requests refuse a field
 * the list leaves out, so a list too short would refuse what counts and a list too long would take what does not.
 */
class StepReadsTest {
    /** A date each act and its period rules are in force on. */
    private static final Map<String, LocalDate> IN_FORCE = Map.of(
            "ru.kamchatka_guidelines", LocalDate.of(2018, 10, 1),
            "kz.decree_845", LocalDate.of(2014, 3, 17),
            "kz.order_133", LocalDate.of(2020, 6, 1));

    /** Every optional field a deadline or timeline request can tell a step, with values that could change it. */
    private static final Map<String, List<Function<Facts, Facts>>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("regulationsReceived", List.of(f -> f.with(q -> new DeadlineQuestion(q.step(), 6, q.year(), null,
                q.extendedTermDays(), q.plannedTerm())), f -> f.with(q -> new DeadlineQuestion(q.step(), 2, q.year(),
                null, q.extendedTermDays(), q.plannedTerm()))));
        FIELDS.put("year", List.of(2014, 2015, 2021).stream().<Function<Facts, Facts>>map(year -> f -> f.with(q ->
                new DeadlineQuestion(q.step(), q.regulationsReceived(), year, null, q.extendedTermDays(),
                        q.plannedTerm()))).toList());
        FIELDS.put("otrExtendedTermDays", List.of(f -> f.with(q -> new DeadlineQuestion(q.step(),
                q.regulationsReceived(), q.year(), null, 45, q.plannedTerm()))));
        FIELDS.put("plannedTerm", List.of(LocalDate.of(2018, 8, 31), LocalDate.of(2018, 12, 31)).stream()
                .<Function<Facts, Facts>>map(term -> f -> f.with(q -> new DeadlineQuestion(q.step(),
                        q.regulationsReceived(), q.year(), null, q.extendedTermDays(), term))).toList());
        FIELDS.put("notEarlierThan", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                NotEarlierThanReading.AFTER_LAST_DAY, c.periodBefore(), c.reworkTerm()))));
        FIELDS.put("periodBefore", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                c.notEarlierThan(), PeriodBeforeReading.FULL_PERIOD_BETWEEN, c.reworkTerm()))));
        FIELDS.put("reworkTerm", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                c.notEarlierThan(), c.periodBefore(), ReworkTermReading.REVISION_THEN_ROUND))));
        FIELDS.put("testingRemarks", List.of(f -> f.withProcedure(new ProcedureFacts(true)),
                f -> f.withProcedure(new ProcedureFacts(false))));
    }

    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void eachStepListsExactlyTheFieldsItsRulesRead() {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, LocalDate> entry : IN_FORCE.entrySet()) {
            Act act = knowledgeBase.act(entry.getKey());
            assertThat(act.keys(DeadlineDecisions.STEPS)).as(act.id() + "'s deadline steps").isNotEmpty();
            for (String step : act.keys(DeadlineDecisions.STEPS)) {
                assertThat(FIELDS.keySet()).as("the fields " + act.id() + " lists for " + step)
                        .containsAll(act.reads(step));
                Facts none = Facts.of(step);
                assertThat(derived(act, entry.getValue(), none)).as("the same facts derive the same")
                        .isEqualTo(derived(act, entry.getValue(), none));
                // A field may count only with another (a reading of the period before the year, once the year is
                // given): each is tried alone and beside every value of every other field.
                List<Facts> contexts = new ArrayList<>(List.of(none));
                FIELDS.values().forEach(values -> values.forEach(value -> contexts.add(value.apply(none))));
                for (Map.Entry<String, List<Function<Facts, Facts>>> field : FIELDS.entrySet()) {
                    boolean changes = contexts.stream().anyMatch(context -> {
                        String before = derived(act, entry.getValue(), context);
                        return field.getValue().stream().anyMatch(given ->
                                !derived(act, entry.getValue(), given.apply(context)).equals(before));
                    });
                    if (changes != act.reads(step).contains(field.getKey())) {
                        mismatches.add(act.id() + " " + step + " " + field.getKey() + ": the rules "
                                + (changes ? "read it, stepReads does not list it" : "do not read it, stepReads lists it"));
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void onlyAnActWhoseStepsDependOnTheServiceListsTheServiceForItsTimeline() {
        ServiceDescription service = new ServiceDescription("41000000000001", "Услуга", null, "Орган",
                ServiceCategory.values()[0], 200, true, true, true, true);
        for (Map.Entry<String, LocalDate> entry : IN_FORCE.entrySet()) {
            Act act = knowledgeBase.act(entry.getKey());
            boolean changes = false;
            for (String step : act.keys(DeadlineDecisions.STEPS)) {
                Facts none = Facts.of(step);
                Facts withService = none.withService(List.of(service.toFacts(),
                        MatrixReadings.of(MfcOnlyBooking.NOT_PROVIDED, null)));
                changes |= !derived(act, entry.getValue(), withService).equals(derived(act, entry.getValue(), none));
            }
            assertThat(act.timelineReadsAll().contains("service")).as(act.id() + " lists the service").isEqualTo(changes);
            assertThat(new TreeSet<>(act.timelineReadsAll())).as(act.id() + "'s timeline fields").isSubsetOf(
                    new TreeSet<>(union(FIELDS.keySet(), Set.of("service", "mfcOnlyBooking", "otherCasesDecidedBy"))));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** What the rules derived: the rules fired, with every fact they inserted (records, so compared by value). */
    private String derived(Act act, LocalDate asOf, Facts facts) {
        List<Object> given = facts.all();
        Evaluation evaluation = knowledgeBase.evaluate(List.of(act.id(), act.periodRules()), asOf, given);
        List<String> derived = new ArrayList<>();
        evaluation.firedRules().forEach(rule -> derived.add(rule.rule()));
        for (Object fact : evaluation.facts()) {
            if (given.stream().noneMatch(g -> g == fact)) {
                derived.add(fact.toString());
            }
        }
        derived.sort(null);
        return String.join("\n", derived);
    }

    /** The facts a deadline or timeline request gives a step's rules. */
    private record Facts(DeadlineQuestion question, CountingOptions counting, ProcedureFacts procedure,
                         List<Object> service) {
        static Facts of(String step) {
            return new Facts(new DeadlineQuestion(step, null, null, null, null, null),
                    new CountingOptions(DecreeDays.COUNT_AS_WORKING), new ProcedureFacts(null), List.of());
        }

        Facts with(Function<DeadlineQuestion, DeadlineQuestion> change) {
            return new Facts(change.apply(question), counting, procedure, service);
        }

        Facts withCounting(Function<CountingOptions, CountingOptions> change) {
            return new Facts(question, change.apply(counting), procedure, service);
        }

        Facts withProcedure(ProcedureFacts facts) {
            return new Facts(question, counting, facts, service);
        }

        Facts withService(List<Object> facts) {
            return new Facts(question, counting, procedure, facts);
        }

        List<Object> all() {
            List<Object> all = new ArrayList<>(List.of(question, counting, procedure));
            all.addAll(service);
            return all;
        }
    }
}
