package org.reglament.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.RuleRefusals;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/**
 * The Smolensk plan (order No. 451-р/адм of 2016): the quarterly targets of the e-services share, the
 * error limit of item 2.5, and the status of every plan item on a date.
 */
@Service
public class PlanDecisions {
    public static final String ACT = "ru.smolensk_order_451";
    public static final String SHARE = "e-services-share";
    public static final String ERRORS = "service-error-rate";
    public static final String STATUS = "plan-status";
    public static final String ENTRANTS = "entrants-registration";

    private final KnowledgeBases knowledgeBases;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;
    /** The plan of each knowledge-base version, read once: a replay may answer with an older version's plan. */
    private final Map<String, List<PlanItem>> plans = new java.util.concurrent.ConcurrentHashMap<>();

    public PlanDecisions(KnowledgeBases knowledgeBases, Envelopes envelopes, DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.envelopes = envelopes;
        this.metrics = metrics;
        items(knowledgeBases.live());
    }

    /** The plan's items in the knowledge base that answers now, for a form that names them. */
    public List<PlanItem> items() {
        return items(knowledgeBases.get());
    }

    private List<PlanItem> items(KnowledgeBase knowledgeBase) {
        return plans.computeIfAbsent(knowledgeBase.version(), version -> readPlan(knowledgeBase, ACT));
    }

    /** The plan.yaml in the act's folder of the knowledge base. */
    static List<PlanItem> readPlan(KnowledgeBase knowledgeBase, String act) {
        byte[] plan = knowledgeBase.sources().files().get(act.replace('.', '/') + "/plan.yaml");
        if (plan == null) {
            throw new IllegalStateException("the knowledge base " + knowledgeBase.version() + " has no plan of " + act);
        }
        try {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(plan, PlanData.class).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DecisionEnvelope<PlanAnswers.IndicatorCheck> share(PlanRequests.ShareCheck request) {
        return metrics.timed(SHARE, () -> indicator(SHARE, request.asOf(), new ShareMeasurement(request.quarter(),
                request.percent(), request.quarterBegins(), request.asOf()), request.percent()), this::outcome);
    }

    public DecisionEnvelope<PlanAnswers.IndicatorCheck> entrantsRegistration(PlanRequests.EntrantsRegistrationCheck request) {
        if (request.registered() > request.entrants()) {
            throw new InvalidRequestException("registered", "cannot exceed entrants (" + request.entrants() + ")");
        }
        EntrantsRegistration registration = new EntrantsRegistration(request.entrants(), request.registered());
        return metrics.timed(ENTRANTS, () -> indicator(ENTRANTS, request.asOf(), registration, registration.percent()),
                this::outcome);
    }

    public DecisionEnvelope<PlanAnswers.IndicatorCheck> errorRate(PlanRequests.ErrorRateCheck request) {
        if (request.errors() > request.calls()) {
            throw new InvalidRequestException("errors", "cannot exceed calls (" + request.calls() + ")");
        }
        ServiceErrors errors = new ServiceErrors(request.errors(), request.calls());
        return metrics.timed(ERRORS, () -> indicator(ERRORS, request.asOf(), errors, errors.percent()), this::outcome);
    }

    public DecisionEnvelope<PlanAnswers.PlanStatus> status(PlanRequests.PlanStatusCheck request) {
        return metrics.timed(STATUS, () -> {
            List<PlanItem> items = items(knowledgeBases.get());
            for (Map.Entry<String, LocalDate> completed : request.completedOrNone().entrySet()) {
                String item = completed.getKey();
                if (items.stream().noneMatch(i -> i.item().equals(item))) {
                    throw new InvalidRequestException("completed." + item, "not an item of the plan");
                }
                if (completed.getValue() != null && completed.getValue().isAfter(request.asOf())) {
                    throw new InvalidRequestException("completed." + item, completed.getValue() + " is after asOf "
                            + request.asOf() + ": only completions known on the decision date can be given");
                }
            }
            Evaluation evaluation = knowledgeBases.get().evaluate(ACT, request.asOf(), items);
            List<PlanAnswers.ItemStatus> statuses = new ArrayList<>();
            for (PlanItem item : items) {
                List<PlanTerm> terms = evaluation.all(PlanTerm.class).stream()
                        .filter(t -> t.item().equals(item.item())).toList();
                if (terms.size() != 1) {
                    throw new IllegalStateException("the knowledge base read the term of plan item " + item.item()
                            + " " + terms.size() + " times; exactly once was expected");
                }
                statuses.add(status(evaluation, item, terms.get(0), request.asOf(),
                        request.completedOrNone().get(item.item())));
            }
            return envelopes.wrap(STATUS, evaluation, new PlanAnswers.PlanStatus(statuses));
        }, envelope -> "answered");
    }

    private DecisionEnvelope<PlanAnswers.IndicatorCheck> indicator(String decision, LocalDate asOf, Object measurement,
                                                                    BigDecimal measured) {
        Evaluation evaluation = knowledgeBases.get().evaluate(ACT, asOf, List.of(measurement));
        RuleRefusals.refuse(evaluation); // a quarter after asOf before a quarter without a target
        List<IndicatorVerdict> verdicts = evaluation.all(IndicatorVerdict.class);
        if (verdicts.size() != 1) {
            throw new IllegalStateException("the knowledge base gave " + verdicts.size() + " verdicts on " + decision);
        }
        IndicatorVerdict verdict = verdicts.get(0);
        var citation = envelopes.cite(evaluation, verdict.rule());
        return envelopes.wrap(decision, evaluation, new PlanAnswers.IndicatorCheck(verdict.indicator(), measured,
                verdict.required(), verdict.met(), verdict.why(), verdict.rule(), citation.clause(), citation));
    }

    private String outcome(DecisionEnvelope<PlanAnswers.IndicatorCheck> envelope) {
        return envelope.result().met() ? "met" : "not-met";
    }

    private PlanAnswers.ItemStatus status(Evaluation evaluation, PlanItem item, PlanTerm term, LocalDate asOf,
                                          LocalDate completedOn) {
        LocalDate nextDue = switch (term.reading()) {
            case PERIOD, BY_DATE -> term.to();
            case QUARTERLY -> endOfQuarter(asOf);
            default -> null;
        };
        PlanAnswers.Status status;
        Boolean onTime = null;
        if (completedOn != null) {
            status = PlanAnswers.Status.DONE;
            onTime = term.to() == null || !completedOn.isAfter(term.to());
        } else {
            status = switch (term.reading()) {
                case PERIOD, BY_DATE -> term.from() != null && asOf.isBefore(term.from()) ? PlanAnswers.Status.NOT_STARTED
                        : asOf.isAfter(term.to()) ? PlanAnswers.Status.TERM_EXPIRED : PlanAnswers.Status.IN_PROGRESS;
                case ONGOING -> term.from() != null && asOf.isBefore(term.from()) ? PlanAnswers.Status.NOT_STARTED
                        : PlanAnswers.Status.ONGOING;
                case QUARTERLY -> PlanAnswers.Status.ONGOING;
                case BY_EXTERNAL_SCHEDULE, NOT_SET -> PlanAnswers.Status.NO_TERM;
            };
        }
        return new PlanAnswers.ItemStatus(item.item(), item.title(), item.term(), term.reading(), term.from(), term.to(),
                status, nextDue, completedOn, onTime, item.note(), term.rule(), envelopes.cite(evaluation, term.rule()),
                item.responsible(), item.proof(), item.result());
    }

    private static LocalDate endOfQuarter(LocalDate date) {
        LocalDate firstOfNext = date.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3);
        return firstOfNext.minusDays(1);
    }
}
