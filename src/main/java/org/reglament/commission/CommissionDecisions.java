package org.reglament.commission;

import java.util.List;

import org.reglament.deadlines.CountingOptions;
import org.reglament.deadlines.DeadlineAnswer;
import org.reglament.deadlines.DeadlineDecisions;
import org.reglament.deadlines.DeadlineQuestion;
import org.reglament.deadlines.Term;
import org.reglament.calendar.DecreeDays;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/** Decree 845, clauses 27–33: was the expert commission's meeting valid, what did it decide, what follows. */
@Service
public class CommissionDecisions {
    public static final String DECISION = "commission-meeting";
    public static final String ACT = "kz.decree_845";

    private final KnowledgeBases knowledgeBases;
    private final DeadlineDecisions deadlines;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;

    public CommissionDecisions(KnowledgeBases knowledgeBases, DeadlineDecisions deadlines, Envelopes envelopes,
                               DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.deadlines = deadlines;
        this.envelopes = envelopes;
        this.metrics = metrics;
    }

    public DecisionEnvelope<CommissionDecision> decide(CommissionRequest request) {
        if (request.present() > request.members()) {
            throw new InvalidRequestException("present", "cannot exceed members (" + request.members() + ")");
        }
        if (request.forApproval() + request.forReturn() > request.present()) {
            throw new InvalidRequestException("forApproval", "votes for approval and for return ("
                    + (request.forApproval() + request.forReturn()) + ") cannot exceed those present (" + request.present() + ")");
        }
        if (request.decisionDate() != null && request.decisionDate().isAfter(request.asOf())) {
            throw new InvalidRequestException("decisionDate", request.decisionDate() + " is after asOf " + request.asOf()
                    + ": only a decision known on the decision date can be given");
        }
        return metrics.timed(DECISION, () -> {
            Act act = knowledgeBases.get().act(ACT);
            if (request.decisionDate() != null) {
                // The deadline that follows is counted under the decree as it was when the commission decided (as
                // every event of a procedure is: TimelineDecisions), not under a decree not yet in force.
                DeadlineDecisions.underTheEditionApplied(act, request.asOf(), request.decisionDate(), "decisionDate");
            }
            org.reglament.decision.Language.requireText(request.language(), act, request.asOf());
            Evaluation evaluation = knowledgeBases.get().evaluate(List.of(ACT, act.periodRules()), request.asOf(), List.of(
                    new CommissionVote(request.members(), request.present(), request.forApproval(), request.forReturn(),
                            request.chairVote(), request.majorityOrDefault()),
                    new CountingOptions(DecreeDays.COUNT_AS_WORKING, null, null, request.reworkTerm()),
                    new MeetingRecord(request.protocolSignedBy() == null ? null : java.util.Set.copyOf(request.protocolSignedBy()),
                            request.responsibleBodyRepresented())));
            DeadlineDecisions.requireFacts(evaluation);
            List<CommissionVerdict> verdicts = evaluation.all(CommissionVerdict.class);
            if (verdicts.size() != 1) {
                throw new IllegalStateException("the knowledge base gave " + verdicts.size() + " verdicts on one meeting");
            }
            CommissionVerdict verdict = verdicts.get(0);
            var citation = envelopes.cite(evaluation, verdict.rule(), request.languageOrDefault());
            DeadlineAnswer next = null;
            for (DeadlineQuestion question : evaluation.all(DeadlineQuestion.class)) {
                Term term = DeadlineDecisions.termOf(evaluation, question.step());
                next = request.decisionDate() == null
                        ? deadlines.answerWithoutDate(evaluation, term)
                        : deadlines.answer(evaluation, term, request.decisionDate(), DeadlineDecisions.covered(
                        "decisionDate", () -> deadlines.arithmetic(evaluation, deadlines.calendarOf(act))
                                .count(term, request.decisionDate())));
            }
            List<CommissionDecision.Finding> findings = evaluation.all(CommissionFinding.class).stream()
                    .sorted(java.util.Comparator.comparing(CommissionFinding::rule)).map(finding -> {
                        var cited = envelopes.cite(evaluation, finding.rule(), request.languageOrDefault());
                        return new CommissionDecision.Finding(finding.why(), finding.rule(), cited.clause(), cited);
                    }).toList();
            return envelopes.wrap(DECISION, evaluation, new CommissionDecision(verdict.outcome(), verdict.why(),
                    verdict.rule(), citation.clause(), citation, next, findings), request.languageOrDefault());
        }, envelope -> envelope.result().outcome());
    }
}
