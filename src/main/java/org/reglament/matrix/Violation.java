package org.reglament.matrix;

import java.util.Set;

/**
 * A proposed matrix breaks a criterion. {@code action} is null when the breach concerns the matrix as
 * a whole (a missing explanatory note); {@code criterionRule} is the rule broken, {@code rule} the
 * check that found it.
 */
public record Violation(Integer action, CellValue proposed, Set<CellValue> expected, String criterionRule, String why,
                        String rule) {
}
