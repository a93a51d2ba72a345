package org.reglament.registry;

import java.util.List;

import org.reglament.decision.DecisionEnvelope;
import org.reglament.matrix.ServiceDescription;

/**
 * One row of the input after the batch: a service decided, a service that could not be (its problems), or a row that
 * holds no service (blank, or the form's column numbering) and goes out as it came in.
 *
 * @param answer the row's answer as cells, in the order of {@link AnswerColumns} (null for a row without a service)
 */
record RowOutcome(long row, List<String> input, Kind kind, ServiceDescription service, Decided decided,
                  List<RowProblem> problems, List<String> answer) {

    enum Kind { SERVICE, BLANK, NUMBERING }

    /**
     * What the engine answered for a service's facts: the envelope of the JSON endpoint (its {@code result.service}
     * is that of the first row with these facts: a row's own is {@link #service}), and the answer's cells.
     */
    record Decided(DecisionEnvelope<?> envelope, List<String> cells, List<String> breaches, boolean compliant) {
    }

    boolean answered() {
        return decided != null;
    }
}
