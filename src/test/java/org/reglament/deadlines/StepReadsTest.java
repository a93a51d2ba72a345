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
import org.reglament.matrix.OtherCasesDecidedBy;
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
        FIELDS.put("regulationsReceived", List.of(f -> f.with(q -> new DeadlineQuestion(q.step(), 6, q.year(), q.eventDate(),
                q.extendedTermDays(), q.plannedTerm())), f -> f.with(q -> new DeadlineQuestion(q.step(), 2, q.year(),
                q.eventDate(), q.extendedTermDays(), q.plannedTerm()))));
        FIELDS.put("year", List.of(2014, 2015, 2021).stream().<Function<Facts, Facts>>map(year -> f -> f.with(q ->
                new DeadlineQuestion(q.step(), q.regulationsReceived(), year, q.eventDate(), q.extendedTermDays(),
                        q.plannedTerm()))).toList());
        FIELDS.put("otrExtendedTermDays", List.of(f -> f.with(q -> new DeadlineQuestion(q.step(),
                q.regulationsReceived(), q.year(), q.eventDate(), 45, q.plannedTerm()))));
        FIELDS.put("plannedTerm", List.of(LocalDate.of(2018, 8, 31), LocalDate.of(2018, 12, 31)).stream()
                .<Function<Facts, Facts>>map(term -> f -> f.with(q -> new DeadlineQuestion(q.step(),
                        q.regulationsReceived(), q.year(), q.eventDate(), q.extendedTermDays(), term))).toList());
        FIELDS.put("notEarlierThan", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                NotEarlierThanReading.AFTER_LAST_DAY, c.periodBefore(), c.reworkTerm()))));
        FIELDS.put("periodBefore", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                c.notEarlierThan(), PeriodBeforeReading.FULL_PERIOD_BETWEEN, c.reworkTerm()))));
        FIELDS.put("reworkTerm", List.of(f -> f.withCounting(c -> new CountingOptions(c.decreeDays(),
                c.notEarlierThan(), c.periodBefore(), ReworkTermReading.REVISION_THEN_ROUND))));
        FIELDS.put("testingRemarks", List.of(f -> f.withProcedure(new ProcedureFacts(true)),
                f -> f.withProcedure(new ProcedureFacts(false))));
        // Every step may be given its event's date; the rules of some read it themselves (a meeting in its month).
        FIELDS.put("eventDate", List.of(LocalDate.of(2014, 3, 17), LocalDate.of(2018, 10, 1), LocalDate.of(2020, 6, 1))
                .stream().<Function<Facts, Facts>>map(date -> f -> f.with(q -> new DeadlineQuestion(q.step(),
                        q.regulationsReceived(), q.year(), date, q.extendedTermDays(), q.plannedTerm()))).toList());
    }

    /** The timeline's facts of the service: the service itself and the readings of its matrix (3.1.4.2, 3.1.4.3). */
    private static final Set<String> SERVICE_FIELDS = Set.of("service", "mfcOnlyBooking", "otherCasesDecidedBy");

    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void everyActWithDeadlineStepsAndEveryOptionalFieldOfTheRequestsIsTried() {
        assertThat(new TreeSet<>(IN_FORCE.keySet())).as("the acts with deadline steps").isEqualTo(new TreeSet<>(
                knowledgeBase.acts().stream().filter(a -> !a.keys(DeadlineDecisions.STEPS).isEmpty()).map(Act::id).toList()));
        Set<String> optional = new TreeSet<>();
        for (var component : DeadlineRequest.StepParameters.class.getRecordComponents()) {
            optional.add(component.getName());
        }
        for (var component : DeadlineRequest.class.getRecordComponents()) {
            if (!DeadlineDecisions.EVERY_STEP_READS.contains(component.getName())) {
                optional.add(component.getName());
            }
        }
        for (var component : TimelineRequest.class.getRecordComponents()) {
            if (!Set.of("asOf", "act", "events", "decreeNonWorkingDays").contains(component.getName())) {
                optional.add(component.getName());
            }
        }
        optional.add("eventDate"); // given to every step, read by some steps' rules themselves
        assertThat(union(FIELDS.keySet(), SERVICE_FIELDS)).as("the fields tried").isEqualTo(optional);
    }

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
                // And each as a deadline asks (no timeline) and as a timeline does (TimelineQuestion among the facts).
                List<Facts> contexts = new ArrayList<>();
                for (Facts start : List.of(none, none.asTimeline())) {
                    contexts.add(start);
                    FIELDS.values().forEach(values -> values.forEach(value -> contexts.add(value.apply(start))));
                }
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

    /**
     * The service, and each reading of its matrix, is listed for an act's timeline exactly when, for some service,
     * giving it (or choosing the other reading) changes what some step's rules derive.
     */
    @Test
    void anActListsTheServiceAndTheReadingsOfItsMatrixForItsTimelineExactlyWhenItsStepsDependOnThem() {
        List<ServiceDescription> services = new ArrayList<>();
        for (ServiceCategory category : ServiceCategory.values()) {
            for (int applications : new int[] {50, 200}) {
                for (boolean withoutOriginals : new boolean[] {true, false}) {
                    for (boolean atAgency : new boolean[] {true, false}) {
                        services.add(new ServiceDescription("41000000000001", "Услуга", null, "Орган", category,
                                applications, withoutOriginals, atAgency, true, true, atAgency ? null : true));
                    }
                }
            }
        }
        for (Map.Entry<String, LocalDate> entry : IN_FORCE.entrySet()) {
            Act act = knowledgeBase.act(entry.getKey());
            Map<String, Boolean> read = new LinkedHashMap<>();
            SERVICE_FIELDS.forEach(field -> read.put(field, false));
            for (String step : act.keys(DeadlineDecisions.STEPS)) {
                Facts none = Facts.of(step).asTimeline();
                String without = derived(act, entry.getValue(), none);
                for (ServiceDescription service : services) {
                    String given = derived(act, entry.getValue(), none.withService(List.of(service.toFacts(),
                            MatrixReadings.of(null, null))));
                    read.merge("service", !given.equals(without), Boolean::logicalOr);
                    read.merge("mfcOnlyBooking", !given.equals(derived(act, entry.getValue(), none.withService(List.of(
                            service.toFacts(), MatrixReadings.of(MfcOnlyBooking.NOT_PROVIDED, null))))), Boolean::logicalOr);
                    read.merge("otherCasesDecidedBy", !given.equals(derived(act, entry.getValue(), none.withService(
                            List.of(service.toFacts(), MatrixReadings.of(null, OtherCasesDecidedBy.AGENCY))))),
                            Boolean::logicalOr);
                }
            }
            for (String field : SERVICE_FIELDS) {
                assertThat(act.timelineReadsAll().contains(field)).as(act.id() + " lists " + field)
                        .isEqualTo(read.get(field));
            }
            assertThat(new TreeSet<>(act.timelineReadsAll())).as(act.id() + "'s timeline fields")
                    .isSubsetOf(new TreeSet<>(union(FIELDS.keySet(), SERVICE_FIELDS)));
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
                         List<Object> service, boolean timeline) {
        static Facts of(String step) {
            return new Facts(new DeadlineQuestion(step, null, null, null, null, null),
                    new CountingOptions(DecreeDays.COUNT_AS_WORKING), new ProcedureFacts(null), List.of(), false);
        }

        Facts with(Function<DeadlineQuestion, DeadlineQuestion> change) {
            return new Facts(change.apply(question), counting, procedure, service, timeline);
        }

        Facts withCounting(Function<CountingOptions, CountingOptions> change) {
            return new Facts(question, change.apply(counting), procedure, service, timeline);
        }

        Facts withProcedure(ProcedureFacts facts) {
            return new Facts(question, counting, facts, service, timeline);
        }

        Facts withService(List<Object> facts) {
            return new Facts(question, counting, procedure, facts, timeline);
        }

        /** As a timeline gives them: with its question, which some rules ask for (the service to be described). */
        Facts asTimeline() {
            return new Facts(question, counting, procedure, service, true);
        }

        List<Object> all() {
            List<Object> all = new ArrayList<>(List.of(question, counting, procedure));
            all.addAll(service);
            if (timeline) {
                all.add(new TimelineQuestion());
            }
            return all;
        }
    }
}
