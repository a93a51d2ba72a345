package org.reglament.matrix;

import java.util.List;
import java.util.Set;

import org.reglament.decision.Citation;
import org.reglament.decision.LegalForceStated;

/**
 * The answer to "which cells apply to this service": the nine cells and what follows from them, and the legal force
 * of the criteria they come from (recommendations, section 1; for a priority service, a comparison for information).
 * {@code actionsLegalForce} is that of the nine actions themselves: a requirement of Decree 236 (part 2 of the
 * Requirements) the guidelines restate (section 3 para. 4), or null where no rule states one.
 */
public record ActionMatrix(ServiceDescription service, List<Cell> cells, ExplanatoryNote explanatoryNote,
                           Approval approvalRoute, List<Step> followUpSteps, LegalForceStated legalForce,
                           LegalForceStated actionsLegalForce) {

    /**
     * One action of the matrix and the rule of section 3.1.4 that rated it; {@code decidedBy} says who chooses among
     * the allowed values where the criterion leaves a choice (the agency, or the Working Group).
     */
    public record Cell(int action, String name, CellValue value, Set<CellValue> allowed, Integer followsAction,
                       String why, String rule, String clause, Citation citation, String decidedBy) {
    }

    /** 3.1.4.3 para. 2: whether an explanatory note must accompany the draft matrix. */
    public record ExplanatoryNote(boolean required, String why, String rule, Citation citation) {
    }

    /** Who proposes, agrees and approves the matrix for the service's category (3.1.1–3.1.3). */
    public record Approval(ServiceCategory category, String proposedBy, String agreedWith, String approvedBy,
                           String note, String rule, Citation citation) {
    }

    /** A step of section 3 that follows the matrix, and whether it applies to this service. */
    public record Step(int step, String name, Applicability applicability, String why, String rule,
                       Citation citation) {
    }
}
