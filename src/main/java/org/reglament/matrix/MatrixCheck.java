package org.reglament.matrix;

import java.util.List;
import java.util.Set;

import org.reglament.decision.Citation;

/** The answer to "does this proposed matrix comply": every breach, or none. */
public record MatrixCheck(ServiceDescription service, boolean compliant, List<Breach> violations,
                          List<ActionMatrix.Cell> criteria, ActionMatrix.ExplanatoryNote explanatoryNote) {

    /**
     * One breach: the proposed value of an action (null action: the matrix as a whole), the values the
     * criterion allows, and the criterion's rule and citation; {@code check} names the rule that found it.
     */
    public record Breach(Integer action, String name, CellValue proposed, Set<CellValue> expected, String why,
                         String rule, String clause, Citation citation, String check) {
    }
}
