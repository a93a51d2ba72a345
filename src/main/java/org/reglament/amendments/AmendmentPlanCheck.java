package org.reglament.amendments;

import java.util.List;

import org.reglament.decision.Citation;
import org.reglament.decision.LegalForceStated;

/**
 * The answer to "does this plan of amendments follow section 2": who approves it, the recommended columns it lacks,
 * and every row that departs from the section. The guidelines are recommendations (section 1), so {@code
 * followsRecommendations} says whether it follows them, never that it breaks a law.
 */
public record AmendmentPlanCheck(boolean followsRecommendations, String assessment, Approval approval,
                                 List<MissingColumn> missingColumns, List<Finding> findings,
                                 LegalForceStated legalForce) {

    public record Approval(String approvedBy, String note, String rule, Citation citation) {
    }

    /** A column of the recommended form (2 para. 4) the plan does not have. */
    public record MissingColumn(String column, String name, String rule, Citation citation) {
    }

    /** A row (null: the plan as a whole) that departs from section 2, with the column concerned. */
    public record Finding(Integer row, String service, String column, String why, String rule, String clause,
                          Citation citation) {
    }
}
