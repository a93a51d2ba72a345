package org.reglament.deadlines;

/**
 * The period rules of the act's jurisdiction ({@code periodRules}, an act of the knowledge base) are not in force on
 * the decision date, so the act's rules answer alone: they may still state a fixed date of their own, and they say
 * which terms cannot be counted, and why ({@code reason}: the period rules' own refusal).
 */
public record PeriodRulesNotInForce(String periodRules, String reason) {
}
