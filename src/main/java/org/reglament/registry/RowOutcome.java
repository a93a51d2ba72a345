package org.reglament.registry;

import java.util.List;

import org.reglament.decision.DecisionEnvelope;
import org.reglament.matrix.ActionMatrix;
import org.reglament.matrix.MatrixCheck;
import org.reglament.matrix.ServiceDescription;

/**
 * One row of the input after the batch: a service decided, a service that could not be (its problems), or a row that
 * holds no service (blank, or the form's column numbering) and goes out as it came in.
 *
 * @param answer  the row's answer as cells, in the order of {@link AnswerColumns} (null for a row without a service)
 * @param request the JSON endpoint's request the row became ({@code ActionMatrixRequest}, {@code MatrixCheckRequest}),
 *                or null when it could not be read
 */
record RowOutcome(long row, List<String> input, Kind kind, ServiceDescription service, Decided decided,
                  List<RowProblem> problems, List<String> answer, Object request) {

    enum Kind { SERVICE, BLANK, NUMBERING }

    /**
     * What the engine answered for a service's facts: the envelope of the JSON endpoint (its {@code result.service}
     * is that of the first row with these facts: a row's own is {@link #service}), and the answer's cells;
     * {@code referred}: (check) a proposed value is for the Working Group to consider (3.1.4.3 para. 3).
     */
    record Decided(DecisionEnvelope<?> envelope, List<String> cells, List<String> breaches, boolean compliant,
                   boolean referred) {
    }

    boolean answered() {
        return decided != null;
    }

    /** A decision's result with this row's own service: a cached answer is the first row's with the same facts. */
    static Object withService(Object result, ServiceDescription service) {
        if (result instanceof ActionMatrix matrix) {
            return new ActionMatrix(service, matrix.cells(), matrix.explanatoryNote(), matrix.approvalRoute(),
                    matrix.followUpSteps(), matrix.legalForce(), matrix.actionsLegalForce());
        }
        MatrixCheck check = (MatrixCheck) result;
        return new MatrixCheck(service, check.compliant(), check.violations(), check.criteria(), check.explanatoryNote(),
                check.referrals(), check.assessment(), check.legalForce());
    }

    /** The envelope of a decision with this row's service (or, null, none: to compare answers whatever the row). */
    static DecisionEnvelope<?> withService(DecisionEnvelope<?> envelope, ServiceDescription service) {
        return new DecisionEnvelope<>(envelope.decisionId(), envelope.decision(), envelope.asOf(), envelope.regulation(),
                envelope.knowledgeBaseVersion(), withService(envelope.result(), service), envelope.rulesFired(),
                envelope.interpretations(), envelope.digest());
    }
}
