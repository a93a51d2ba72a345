package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reglament.calendar.ProductionCalendar;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.FieldsNotRead;
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.matrix.Applicability;
import org.springframework.stereotype.Service;

/**
 * The timeline of one service: for every deadline step of the act, whether it applies (the rules), its
 * due date (the rules and the period rules on the calendar) and its status on {@code asOf} (the known
 * events: a step is done when the event that completes it is known).
 */
@Service
public class TimelineDecisions {
    public static final String TIMELINE = "timeline";

    private final KnowledgeBases knowledgeBases;
    private final DeadlineDecisions deadlines;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;

    public TimelineDecisions(KnowledgeBases knowledgeBases, DeadlineDecisions deadlines, Envelopes envelopes,
                             DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.deadlines = deadlines;
        this.envelopes = envelopes;
        this.metrics = metrics;
    }

    public DecisionEnvelope<Timeline> timeline(TimelineRequest request) {
        return metrics.timed(TIMELINE, () -> {
            Act act = deadlines.procedureAct(request.act(), "act");
            refuseFieldsNotRead(act, request);
            checkEvents(act, request.events(), request.asOf());
            List<Object> facts = new ArrayList<>();
            if (request.service() != null) {
                facts.add(request.service().toFacts());
                facts.add(org.reglament.matrix.MatrixReadings.of(request.mfcOnlyBooking(), request.otherCasesDecidedBy()));
            }
            facts.add(new TimelineQuestion());
            facts.add(new ProcedureFacts(request.testingRemarks()));
            facts.add(request.counting());
            List<String> steps = act.keys(DeadlineDecisions.STEPS);
            steps.forEach(step -> facts.add(new DeadlineQuestion(step, request.regulationsReceived(), request.year(), null,
                    request.otrExtendedTermDays(), request.plannedTerm())));
            Evaluation evaluation = deadlines.evaluateWithPeriodRules(act, request.asOf(), facts);
            org.reglament.decision.RuleRefusals.refuse(evaluation);
            for (MissingFact missing : evaluation.all(MissingFact.class)) {
                if (missing.step() == null) {
                    throw missing.refusal(evaluation);
                }
            }
            PeriodArithmetic arithmetic = deadlines.arithmetic(evaluation, deadlines.calendarOf(act));
            List<Timeline.Step> answered = new ArrayList<>();
            for (String step : steps) {
                answered.add(step(act, evaluation, arithmetic, step, request));
            }
            List<Timeline.Event> events = request.events().entrySet().stream()
                    .sorted(Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> event(act, e.getKey(), e.getValue())).toList();
            return envelopes.wrap(TIMELINE, evaluation, new Timeline(request.service(), events, answered));
        }, envelope -> envelope.result().steps().stream().anyMatch(s -> s.status() == Timeline.Status.OVERDUE)
                ? "overdue" : "on-track");
    }

    private Timeline.Step step(Act act, Evaluation evaluation, PeriodArithmetic arithmetic, String step,
                               TimelineRequest request) {
        String name = act.name(DeadlineDecisions.STEPS, step);
        StepApplicability ruling = evaluation.all(StepApplicability.class).stream()
                .filter(a -> a.step().equals(step))
                .min(Comparator.comparing(a -> a.applicability() == Applicability.DOES_NOT_APPLY ? 0 : 1))
                .orElse(null);
        if (ruling != null && ruling.applicability() == Applicability.DOES_NOT_APPLY) {
            var citation = envelopes.cite(evaluation, ruling.rule());
            // The rule that excludes the step is the one a lawyer checks: its clause and citation go with it.
            return new Timeline.Step(step, name, Applicability.DOES_NOT_APPLY, ruling.rule(),
                    Timeline.Status.NOT_APPLICABLE, null, null, null, null, ruling.why(), null, citation.clause(),
                    citation, List.of(), null, envelopes.legalForce(evaluation, step));
        }
        Applicability applicability = ruling == null ? Applicability.APPLIES : ruling.applicability();
        String why = ruling == null ? null : ruling.why();
        String applicabilityRule = ruling == null ? null : ruling.rule();
        List<Term> terms = evaluation.all(Term.class).stream().filter(t -> t.step().equals(step)).toList();
        NoTerm none = evaluation.all(NoTerm.class).stream().filter(n -> n.step().equals(step)).findFirst().orElse(null);
        if (none != null) {
            // The text sets no term (or its counting rules lapsed): done or not by the events, never overdue.
            Timeline.Event completedBy = completion(act, step, List.of(), request.events());
            var citation = envelopes.cite(evaluation, none.rule());
            return new Timeline.Step(step, name, applicability, applicabilityRule, completedBy == null
                    ? Timeline.Status.NOT_STARTED : Timeline.Status.DONE, null, null, completedBy, null, none.reason(),
                    none.rule(), citation.clause(), citation, List.of(), null, envelopes.legalForce(evaluation, step));
        }
        if (terms.isEmpty()) {
            Timeline.Event completedBy = completion(act, step, List.of(), request.events());
            // The rules could not state the term yet (a plan-schedule without its year): not started, with the
            // reason; a 400 once the event it counts from is known.
            missingFactOnceStarted(evaluation, step, request.events());
            String missingWhy = evaluation.all(MissingFact.class).stream().filter(m -> step.equals(m.step()))
                    .map(MissingFact::reason).findFirst().orElse(why);
            return new Timeline.Step(step, name, applicability, applicabilityRule, completedBy == null
                    ? Timeline.Status.NOT_STARTED : Timeline.Status.DONE, null, null, completedBy, null, missingWhy, null,
                    null, null, List.of(), null, envelopes.legalForce(evaluation, step));
        }
        missingFactOnceStarted(evaluation, step, request.events());
        Term term = DeadlineDecisions.termOf(evaluation, step);
        Timeline.Event completedBy = completion(act, step, term.completedBy(), request.events());
        why = term.why() != null ? term.why() : why;
        var citation = envelopes.cite(evaluation, term.rule());
        LocalDate start = term.event() == null ? null : request.events().get(term.event());
        Timeline.Event countsFrom = term.event() == null ? null : event(act, term.event(), start);
        DeadlineAnswer.Extension extension = deadlines.extension(evaluation, arithmetic, term, start,
                org.reglament.decision.Language.RU);
        if (term.event() != null && start == null) {
            return new Timeline.Step(step, name, applicability, applicabilityRule, completedBy == null
                    ? Timeline.Status.NOT_STARTED : Timeline.Status.DONE, null, countsFrom, completedBy, null, why,
                    term.rule(), citation.clause(), citation, List.of(), extension, envelopes.legalForce(evaluation, step));
        }
        String field = term.event() == null ? "asOf" : "events." + term.event();
        Countdown countdown = DeadlineDecisions.covered(field, () -> arithmetic.count(term, start));
        LocalDate due = countdown.due();
        Timeline.Status status;
        Boolean onTime = null;
        if (completedBy != null) {
            status = Timeline.Status.DONE;
            onTime = !completedBy.date().isAfter(due);
        } else if (term.kind() == TermKind.NOT_EARLIER_THAN) {
            status = request.asOf().isBefore(due) ? Timeline.Status.WAITING : Timeline.Status.ALLOWED;
        } else {
            status = request.asOf().isAfter(due) ? Timeline.Status.OVERDUE : Timeline.Status.DUE;
        }
        return new Timeline.Step(step, name, applicability, applicabilityRule, status, due, countsFrom, completedBy,
                onTime, why, term.rule(), citation.clause(), citation, countdown.periodRules(), extension,
                envelopes.legalForce(evaluation, step));
    }

    /**
     * A field none of the act's steps reads (act.yaml's {@code stepReads} and {@code timelineReads}) is refused, not
     * ignored: a service sent with Kazakhstan's procedure, or a year with Kamchatka's, would be believed to count.
     * The matrix's readings are read only with the service whose matrix they decide.
     */
    private static void refuseFieldsNotRead(Act act, TimelineRequest request) {
        java.util.SortedSet<String> read = act.timelineReadsAll();
        FieldsNotRead.refuse(request, Set.of("asOf", "act", "events", "decreeNonWorkingDays"), read, field ->
                "no step of " + act.id() + " reads it; " + (read.isEmpty() ? "they read no field beyond the events"
                        : "they read " + String.join(", ", read)));
        if (request.service() == null && (request.mfcOnlyBooking() != null || request.otherCasesDecidedBy() != null)) {
            throw new org.reglament.decision.InvalidRequestException(request.mfcOnlyBooking() != null
                    ? "mfcOnlyBooking" : "otherCasesDecidedBy", "a reading of the service's action matrix: give the"
                    + " service it decides");
        }
        DeadlineDecisions.refuseDecreeDaysOutsideRussia(act, request.decreeNonWorkingDays());
    }

    /** A term the rules could not state is a 400 once the event it counts from is known. */
    private static void missingFactOnceStarted(Evaluation evaluation, String step, Map<String, LocalDate> events) {
        for (MissingFact missing : evaluation.all(MissingFact.class)) {
            if (step.equals(missing.step()) && missing.event() != null && events.containsKey(missing.event())) {
                throw missing.refusal(evaluation, missing.field().replace("parameters.", ""));
            }
        }
    }

    /** The first known event that completes the step: those the term's rule names, else those act.yaml names. */
    private static Timeline.Event completion(Act act, String step, List<String> byTerm, Map<String, LocalDate> events) {
        return act.events().entrySet().stream()
                .filter(e -> (byTerm.isEmpty() ? e.getValue().completes().contains(step) : byTerm.contains(e.getKey()))
                        && events.containsKey(e.getKey()))
                .map(e -> event(act, e.getKey(), events.get(e.getKey())))
                .findFirst().orElse(null);
    }

    private static Timeline.Event event(Act act, String key, LocalDate date) {
        return new Timeline.Event(key, act.events().get(key).name(), date);
    }

    /** Events must be the act's, known by asOf (unless planned), and in the procedure's order. */
    private static void checkEvents(Act act, Map<String, LocalDate> events, LocalDate asOf) {
        for (Map.Entry<String, LocalDate> event : events.entrySet()) {
            String field = "events." + event.getKey();
            Act.ProcedureEvent described = act.events().get(event.getKey());
            if (described == null) {
                throw new InvalidRequestException(field, "not an event of " + act.id() + "; its events are "
                        + act.events().keySet());
            }
            if (event.getValue() == null) {
                throw new InvalidRequestException(field, "must be a date (YYYY-MM-DD)");
            }
            if (!described.planned() && event.getValue().isAfter(asOf)) {
                throw new InvalidRequestException(field, event.getValue() + " is after asOf " + asOf
                        + ": only events known on the decision date can be given");
            }
            if (!described.planned()) {
                DeadlineDecisions.underTheEditionApplied(act, asOf, event.getValue(), field);
            }
            for (String earlier : described.notBefore()) {
                LocalDate earlierDate = events.get(earlier);
                if (earlierDate != null && event.getValue().isBefore(earlierDate)) {
                    throw new InvalidRequestException(field, event.getValue() + " is before " + earlier + " ("
                            + earlierDate + "): " + described.name() + " cannot precede "
                            + act.events().get(earlier).name());
                }
            }
        }
    }
}
