package org.reglament.matrix;

import java.util.Set;

/**
 * A proposed matrix breaks a criterion. {@code action} is null when the breach concerns the
 * matrix as a whole (a missing explanatory note); {@code criterionRule} is the rule broken,
 * {@code rule} the check that found it.
 */
public final class Violation {
    private final Integer action;
    private final CellValue proposed;
    private final Set<CellValue> expected;
    private final String criterionRule;
    private final String why;
    private final String rule;

    public Violation(Integer action, CellValue proposed, Set<CellValue> expected, String criterionRule, String why,
                     String rule) {
        this.action = action;
        this.proposed = proposed;
        this.expected = expected;
        this.criterionRule = criterionRule;
        this.why = why;
        this.rule = rule;
    }

    public Integer getAction() { return action; }
    public CellValue getProposed() { return proposed; }
    public Set<CellValue> getExpected() { return expected; }
    public String getCriterionRule() { return criterionRule; }
    public String getWhy() { return why; }
    public String getRule() { return rule; }
}
