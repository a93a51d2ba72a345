package org.reglament.matrix;

import java.util.List;
import java.util.Set;

import org.reglament.decision.Citation;
import org.reglament.decision.LegalForceStated;

/**
 * The answer to "does this proposed matrix agree with the criteria": every departure, or none, and every value that is
 * for the Working Group to consider ({@code referrals}). {@code compliant} holds only when there is neither. The
 * criteria are recommendations (section 1): {@code assessment} says what the result means in those terms («не
 * соответствует рекомендациям»; for a priority service, whose matrix the Subcommittee approved, a comparison for
 * information only), with {@code legalForce} citing the rule.
 */
public record MatrixCheck(ServiceDescription service, boolean compliant, List<Breach> violations,
                          List<ActionMatrix.Cell> criteria, ActionMatrix.ExplanatoryNote explanatoryNote,
                          List<ReferralToWorkingGroup> referrals, String assessment, LegalForceStated legalForce) {

    /** A proposed value the Working Group considers (3.1.4.3 para. 3), with the criterion that left it open. */
    public record ReferralToWorkingGroup(int action, String name, CellValue proposed, String why, String rule,
                                         String clause, Citation citation, String check) {
    }

    /**
     * One breach: the proposed value of an action (null action: the matrix as a whole), the values the
     * criterion allows, and the criterion's rule and citation; {@code check} names the rule that found it.
     */
    public record Breach(Integer action, String name, CellValue proposed, Set<CellValue> expected, String why,
                         String rule, String clause, Citation citation, String check, String finding) {
    }
}
