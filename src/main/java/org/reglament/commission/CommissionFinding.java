package org.reglament.commission;

/** Where the meeting departs from clauses 28–31 apart from its outcome: why, and the rule that found it. */
public record CommissionFinding(String why, String rule) {
}
