package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.reglament.calendar.CalendarNotCoveredException;
import org.reglament.calendar.ProductionCalendar;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.FieldsNotRead;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.Language;
import org.reglament.decision.UnanswerableException;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Edition;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/**
 * Deadline decisions: a period counted by the period rules of a jurisdiction, and the due date of one
 * step of an act's procedure. The act's rules state the term; the period rules say how it is counted;
 * the production calendar says which days are worked.
 */
@Service
public class DeadlineDecisions {
    public static final String PERIOD = "period";
    public static final String DEADLINE = "deadline";
    static final String STEPS = "deadlineSteps";

    private final KnowledgeBases knowledgeBases;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;

    public DeadlineDecisions(KnowledgeBases knowledgeBases, Envelopes envelopes, DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.envelopes = envelopes;
        this.metrics = metrics;
    }

    public DecisionEnvelope<DeadlineAnswer> period(PeriodRequest request) {
        return metrics.timed(PERIOD, () -> {
            ProductionCalendar calendar = knowledgeBases.get().calendar(request.jurisdiction());
            String periodRules = calendar.data().periodRules();
            if (periodRules == null) {
                throw new UnanswerableException("jurisdiction", "the period rules of " + request.jurisdiction()
                        + " are not encoded in this knowledge base");
            }
            Term term = termOf(request);
            Evaluation evaluation = knowledgeBases.get().evaluate(List.of(periodRules), request.asOf(),
                    List.of(term, request.counting()));
            // A date of the calendar (annual-date, nth-weekday) is the year's; a period is counted from the event.
            Countdown countdown = term.event() == null
                    ? covered(request.year() != null ? "year" : "month",
                    () -> arithmetic(evaluation, calendar).count(term, request.eventDate()))
                    : covered("eventDate", request.eventDate(), "count",
                    () -> arithmetic(evaluation, calendar).count(term, request.eventDate()));
            DeadlineAnswer answer = new DeadlineAnswer(PERIOD, null,
                    new DeadlineAnswer.Event("eventDate", null, request.eventDate()), DeadlineAnswer.TermStated.of(term),
                    countdown.due(), null, null, null, null, periodRulesApplied(evaluation, countdown), countdown.trace(),
                    null, null);
            return envelopes.wrap(PERIOD, evaluation, answer);
        }, envelope -> "answered");
    }

    public DecisionEnvelope<DeadlineAnswer> deadline(DeadlineRequest request) {
        return metrics.timed(DEADLINE, () -> {
            Act act = procedureAct(request.act(), "act");
            if (!act.keys(STEPS).contains(request.step())) {
                throw new InvalidRequestException("step", "\"" + request.step() + "\" is not a step of " + act.id()
                        + "; its steps are " + act.keys(STEPS));
            }
            refuseFieldsNotRead(act, request);
            Language.requireText(request.language(), act, request.asOf());
            Evaluation evaluation = evaluateWithPeriodRules(act, request.asOf(), List.of(
                    new DeadlineQuestion(request.step(), request.regulationsReceived(), request.year(),
                            request.eventDate(), request.otrExtendedTermDays(), request.plannedTerm()),
                    request.counting()));
            requireFacts(evaluation);
            refuseWithoutTerm(evaluation, request.step());
            Term term = termOf(evaluation, request.step());
            refuseEventNotCountedFrom(act, request, term);
            LocalDate event = term.event() == null ? null : request.eventDate();
            if (term.event() != null && event == null) {
                throw new InvalidRequestException("eventDate", "step " + request.step() + " counts from "
                        + eventName(act, term.event()) + ": give its date");
            }
            if (event != null && !act.events().getOrDefault(term.event(), PLANNED).planned()) {
                underTheEditionApplied(act, request.asOf(), event, "eventDate");
            }
            PeriodArithmetic arithmetic = arithmetic(evaluation, calendarOf(act));
            // A term reaching past the calendar is the step's (its act's, or the year or term the request gives).
            Countdown countdown = covered(event == null && request.year() != null ? "parameters.year" : "eventDate",
                    event, "step", () -> arithmetic.count(term, event));
            DeadlineAnswer answer = answer(evaluation, term, event, countdown, request.languageOrDefault())
                    .withExtension(extension(evaluation, arithmetic, term, event, request.languageOrDefault()));
            return envelopes.wrap(DEADLINE, evaluation, answer, request.languageOrDefault());
        }, envelope -> "answered");
    }

    /**
     * Runs the act's rules with the period rules of its jurisdiction. Where those are not in force on {@code asOf}
     * (Kazakhstan's Law No. 107-II lapsed on 01.07.2021, while order No. 133 stayed in force), the act's rules run
     * alone and are told why: a date of their own they still answer, a period they refuse to count.
     */
    public Evaluation evaluateWithPeriodRules(Act act, LocalDate asOf, List<Object> facts) {
        KnowledgeBase knowledgeBase = knowledgeBases.get();
        try {
            knowledgeBase.act(act.periodRules()).editionInForce(asOf);
        } catch (org.reglament.knowledgebase.NoEditionInForceException lapsed) {
            act.editionInForce(asOf); // the act itself must be in force: that refusal comes first
            List<Object> alone = new ArrayList<>(facts);
            alone.add(new PeriodRulesNotInForce(act.periodRules(), lapsed.act().shortTitle() + ": " + lapsed.reason()));
            return knowledgeBase.evaluate(List.of(act.id()), asOf, alone);
        }
        return knowledgeBase.evaluate(List.of(act.id(), act.periodRules()), asOf, facts);
    }

    /**
     * A field the kind of period does not read is refused, not ignored: a caller who sends {@code year} with a period
     * counted from an event, or Russia's decree days for Kazakhstan, believes it counts for something.
     */
    private static void refuseFieldsNotRead(PeriodRequest request) {
        Set<String> read = PeriodRequest.FIELDS_OF_KIND.get(request.kindOrDefault());
        FieldsNotRead.refuse(request, Set.of("asOf", "jurisdiction", "kind"), read, field -> "does not apply to a"
                + " period of kind " + request.kindOrDefault() + ", which reads " + String.join(", ",
                new java.util.TreeSet<>(read)));
        refuseDecreeDaysOutsideRussia(request.jurisdiction(), request.jurisdiction(), request.decreeNonWorkingDays());
        if (request.periodBefore() != null && request.direction() != null
                && !PeriodRequest.DIRECTION_OF_FIELD.get("periodBefore").equals(request.direction())) {
            throw new InvalidRequestException("periodBefore", "a reading of a period counted back before an event"
                    + " (direction before), not of one " + request.direction() + " it");
        }
    }

    /**
     * The fields of a deadline request every step may be given: what it asks, for when, from which event (refused
     * once the step's term proves to count from none: {@link #refuseEventNotCountedFrom}). The rest are the steps'
     * own, as act.yaml's stepReads lists them.
     */
    public static final Set<String> EVERY_STEP_READS = Set.of("asOf", "act", "step", "eventDate", "parameters",
            "decreeNonWorkingDays", "language");

    /**
     * A parameter or reading the step's rules do not read (act.yaml's {@code stepReads}) is refused, not ignored: a
     * caller who sends the number of regulations received with the launch, or a reading of clause 32 with clause 19,
     * believes it changes the due date. So are Russia's decree days for an act of another jurisdiction.
     */
    private static void refuseFieldsNotRead(Act act, DeadlineRequest request) {
        Set<String> read = Set.copyOf(act.reads(request.step()));
        java.util.function.Function<String, String> why = field -> "step " + request.step() + " of " + act.id()
                + " does not read it; " + (asSent(read).isEmpty() ? "it reads no parameter or reading"
                : "it reads " + String.join(", ", asSent(read)));
        if (request.parameters() != null) {
            FieldsNotRead.refuse("parameters.", request.parameters(), Set.of(), read, why);
        }
        FieldsNotRead.refuse(request, EVERY_STEP_READS, read, why);
        refuseDecreeDaysOutsideRussia(act, request.decreeNonWorkingDays());
    }

    /** Russia's decree days sent for an act of another jurisdiction (a deadline's or a timeline's). */
    static void refuseDecreeDaysOutsideRussia(Act act, org.reglament.calendar.DecreeDays decreeDays) {
        refuseDecreeDaysOutsideRussia(act.jurisdiction(), act.id() + " (" + act.jurisdiction() + ")", decreeDays);
    }

    private static void refuseDecreeDaysOutsideRussia(String jurisdiction, String what,
                                                      org.reglament.calendar.DecreeDays decreeDays) {
        if (decreeDays != null && !PeriodRequest.DECREE_DAYS_OF.equals(jurisdiction)) {
            throw new InvalidRequestException("decreeNonWorkingDays", "Russia's decree non-working days of 2020–2021 do"
                    + " not apply to " + what);
        }
    }

    private static final Set<String> PARAMETERS = componentNames(DeadlineRequest.StepParameters.class);
    private static final Set<String> DEADLINE_FIELDS = componentNames(DeadlineRequest.class);

    private static Set<String> componentNames(Class<? extends Record> record) {
        return java.util.Arrays.stream(record.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * The fields a step reads as a deadline request spells them (a parameter under {@code parameters.}); those only a
     * timeline has (the joint testing's remarks) are left out: a deadline request cannot send them.
     */
    private static List<String> asSent(Set<String> read) {
        return read.stream().filter(field -> PARAMETERS.contains(field) || DEADLINE_FIELDS.contains(field))
                .map(field -> PARAMETERS.contains(field) ? "parameters." + field : field).sorted().toList();
    }

    /**
     * An event date sent for a step due on a date of its own (a plan's term, a year's date) is refused, not ignored,
     * unless the step's rules read it (a commission's meeting in the month of the date: stepReads).
     */
    private static void refuseEventNotCountedFrom(Act act, DeadlineRequest request, Term term) {
        if (term.event() == null && request.eventDate() != null && !act.reads(request.step()).contains("eventDate")) {
            throw new InvalidRequestException("eventDate", "step " + request.step() + " of " + act.id() + " is due on a"
                    + " date of its own, not counted from an event: leave eventDate out");
        }
    }

    /** The term a period request states; a field its kind needs and lacks is a 400 naming it. */
    private static Term termOf(PeriodRequest request) {
        refuseFieldsNotRead(request);
        switch (request.kindOrDefault()) {
            case "annual-date" -> {
                require(request.monthDay(), "monthDay", "annual-date");
                require(request.year(), "year", "annual-date");
                int month = Integer.parseInt(request.monthDay().substring(0, 2));
                int day = Integer.parseInt(request.monthDay().substring(3));
                if (day > java.time.YearMonth.of(request.year(), month).lengthOfMonth()) {
                    throw new InvalidRequestException("monthDay", request.monthDay() + " does not exist in " + request.year());
                }
                return Term.fixedDate(PERIOD, LocalDate.of(request.year(), month, day), null);
            }
            case "nth-weekday-of-month" -> {
                require(request.month(), "month", "nth-weekday-of-month");
                require(request.ordinal(), "ordinal", "nth-weekday-of-month");
                require(request.weekday(), "weekday", "nth-weekday-of-month");
                LocalDate first = request.month().atDay(1);
                LocalDate date = first.with(java.time.temporal.TemporalAdjusters.dayOfWeekInMonth(request.ordinal(),
                        request.weekday()));
                if (!date.getMonth().equals(first.getMonth())) {
                    throw new InvalidRequestException("ordinal", request.month() + " has no " + request.ordinal()
                            + "th " + request.weekday());
                }
                return Term.nthWeekdayOfMonth(PERIOD, request.ordinal(), request.weekday(), first, null);
            }
            case "not-earlier-than" -> {
                requirePeriod(request);
                return Term.notEarlierThan(PERIOD, "eventDate", request.count(), request.unit(), null);
            }
            default -> {
                requirePeriod(request);
                require(request.direction(), "direction", "within");
                return request.direction().equals("after")
                        ? Term.after(PERIOD, "eventDate", request.count(), request.unit(), null)
                        : Term.before(PERIOD, "eventDate", request.count(), request.unit(), null);
            }
        }
    }

    private static void requirePeriod(PeriodRequest request) {
        require(request.eventDate(), "eventDate", request.kindOrDefault());
        require(request.count(), "count", request.kindOrDefault());
        require(request.unit(), "unit", request.kindOrDefault());
        if (request.kindOrDefault().equals("not-earlier-than") && request.unit() == PeriodUnit.WORKING_DAYS) {
            throw new InvalidRequestException("unit", "no earlier than N working days is not encoded; "
                    + "use calendar-days, weeks, months or years");
        }
    }

    private static void require(Object value, String field, String kind) {
        if (value == null) {
            throw new InvalidRequestException(field, "must not be null for a period of kind " + kind);
        }
    }

    /** An act that has a procedure with deadline steps. */
    public Act procedureAct(String actId, String field) {
        Act act = knowledgeBases.get().acts().stream().filter(a -> a.id().equals(actId)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "\"" + actId + "\" is not an act of this "
                        + "knowledge base; acts with deadlines: " + actsWithDeadlines()));
        if (act.keys(STEPS).isEmpty() || act.periodRules() == null) {
            throw new InvalidRequestException(field, act.id() + " has no deadlines encoded; acts with deadlines: "
                    + actsWithDeadlines());
        }
        return act;
    }

    public ProductionCalendar calendarOf(Act act) {
        return knowledgeBases.get().calendar(act.jurisdiction());
    }

    public PeriodArithmetic arithmetic(Evaluation evaluation, ProductionCalendar calendar) {
        return new PeriodArithmetic(evaluation.all(PeriodConvention.class), calendar);
    }

    private static final Act.ProcedureEvent PLANNED = new Act.ProcedureEvent(null, null, null, true);

    /**
     * An event is judged under the edition in force when it happened: one that happened under another edition than
     * the one applied on {@code asOf} (or before the act, or under an edition whose text is not encoded) is refused,
     * never judged under the edition of the decision date.
     */
    public static void underTheEditionApplied(Act act, LocalDate asOf, LocalDate eventDate, String field) {
        Edition applied = act.editionInForce(asOf);
        Edition then;
        try {
            then = act.editionInForce(eventDate);
        } catch (org.reglament.knowledgebase.NoEditionInForceException e) {
            throw new UnanswerableException(field, "the event of " + eventDate + " is judged under the act as it was "
                    + "then, and " + act.shortTitle() + " on that date: " + e.reason());
        }
        if (!then.edition().equals(applied.edition())) {
            throw new UnanswerableException(field, "the event of " + eventDate + " happened under edition "
                    + then.label() + ", not under edition " + applied.label() + " applied on " + asOf
                    + ": it is judged under the edition then in force");
        }
    }

    /** A step the rules say has no term on this date (the text sets none, or its counting rules lapsed): a 422. */
    public static void refuseWithoutTerm(Evaluation evaluation, String step) {
        for (NoTerm none : evaluation.all(NoTerm.class)) {
            if (none.step().equals(step)) {
                throw none.refusal(evaluation);
            }
        }
    }

    /** The extension of {@code term} the rules permit, with the date it would give once the event is known. */
    public DeadlineAnswer.Extension extension(Evaluation evaluation, PeriodArithmetic arithmetic, Term term,
                                              LocalDate event, Language language) {
        TermExtension extension = evaluation.all(TermExtension.class).stream()
                .filter(e -> e.step().equals(term.step())).findFirst().orElse(null);
        if (extension == null) {
            return null;
        }
        LocalDate latest = event == null || term.event() == null ? null : covered("eventDate", () -> arithmetic
                .count(Term.after(term.step(), term.event(), extension.upTo(), extension.unit(), extension.rule()), event)
                .due());
        var citation = envelopes.cite(evaluation, extension.rule(), language);
        return new DeadlineAnswer.Extension(extension.upTo(), extension.unit(), latest, extension.permitted(),
                extension.why(), extension.rule(), citation.clause(), citation);
    }

    /** A step's term, named and cited, before the event it counts from is known. */
    public DeadlineAnswer answerWithoutDate(Evaluation evaluation, Term term) {
        var citation = envelopes.cite(evaluation, term.rule());
        Act act = evaluation.act();
        return new DeadlineAnswer(term.step(), act.name(STEPS, term.step()),
                term.event() == null ? null : new DeadlineAnswer.Event(term.event(), eventName(act, term.event()), null),
                DeadlineAnswer.TermStated.of(term), null, term.why(), term.rule(), citation.clause(), citation, List.of(),
                List.of(), null, envelopes.legalForce(evaluation, term.step()));
    }

    public DeadlineAnswer answer(Evaluation evaluation, Term term, LocalDate event, Countdown countdown) {
        return answer(evaluation, term, event, countdown, Language.RU);
    }

    public DeadlineAnswer answer(Evaluation evaluation, Term term, LocalDate event, Countdown countdown,
                                 Language language) {
        var citation = envelopes.cite(evaluation, term.rule(), language);
        Act act = evaluation.act();
        return new DeadlineAnswer(term.step(), act.name(STEPS, term.step()),
                term.event() == null ? null : new DeadlineAnswer.Event(term.event(), eventName(act, term.event()), event),
                DeadlineAnswer.TermStated.of(term), countdown.due(), term.why(), term.rule(), citation.clause(), citation,
                periodRulesApplied(evaluation, countdown), countdown.trace(), null,
                envelopes.legalForce(evaluation, term.step()));
    }

    /** A fact a rule needs and the request lacks is a 400; a rule's word that nothing encoded answers, a 422. */
    public static void requireFacts(Evaluation evaluation) {
        org.reglament.decision.RuleRefusals.refuse(evaluation);
        List<MissingFact> missing = evaluation.all(MissingFact.class);
        if (!missing.isEmpty()) {
            throw missing.get(0).refusal(evaluation);
        }
    }

    public static Term termOf(Evaluation evaluation, String step) {
        List<Term> terms = evaluation.all(Term.class).stream().filter(t -> step.equals(t.step())).toList();
        if (terms.size() != 1) {
            throw new IllegalStateException("the knowledge base gave " + terms.size() + " terms for step " + step
                    + " on " + evaluation.asOf() + "; exactly one was expected");
        }
        return terms.get(0);
    }

    static String eventName(Act act, String event) {
        Act.ProcedureEvent described = act.events().get(event);
        return described == null ? event : described.name() + " (" + event + ")";
    }

    public static <T> T covered(String field, Supplier<T> count) {
        return covered(field, null, field, count);
    }

    /**
     * A count on the production calendar, refused where the calendar ends: blamed on the event when the event itself is
     * outside it, and on {@code termField} when the event is inside and the term reaches past the calendar's last year
     * ({@code count: 3650 years} from a covered date is the count's fault, not the date's).
     */
    public static <T> T covered(String field, LocalDate event, String termField, Supplier<T> count) {
        try {
            return count.get();
        } catch (CalendarNotCoveredException e) {
            if (event != null && event.getYear() >= e.firstYear() && event.getYear() <= e.lastYear()) {
                throw new UnanswerableException(termField, "counted from " + event + ", the period reaches "
                        + e.date() + ", beyond the production calendar of " + e.country() + ", which covers "
                        + e.firstYear() + "–" + e.lastYear());
            }
            throw new UnanswerableException(field, e.getMessage());
        }
    }

    private List<DeadlineAnswer.PeriodRuleApplied> periodRulesApplied(Evaluation evaluation, Countdown countdown) {
        List<DeadlineAnswer.PeriodRuleApplied> rules = new ArrayList<>();
        for (String rule : countdown.periodRules()) {
            rules.add(new DeadlineAnswer.PeriodRuleApplied(rule, envelopes.cite(evaluation, rule)));
        }
        return rules;
    }

    private Collection<String> actsWithDeadlines() {
        return knowledgeBases.get().acts().stream().filter(a -> !a.keys(STEPS).isEmpty() && a.periodRules() != null)
                .map(Act::id).sorted().toList();
    }
}
