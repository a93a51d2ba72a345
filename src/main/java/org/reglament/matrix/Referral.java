package org.reglament.matrix;

/**
 * A proposed value the criteria neither require nor forbid, which is for the Working Group to consider rather than
 * for the agency to settle (3.1.4.3 para. 3: «Иные случаи могут быть рассмотрены на заседании Рабочей группы»).
 * {@code criterionRule} is the criterion that left the choice open; {@code rule} the check that found it.
 */
public record Referral(int action, CellValue proposed, String why, String criterionRule, String rule) {
}
