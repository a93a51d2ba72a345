package org.reglament.amendments;

/**
 * Where a plan of amendments departs from section 2: a row ({@code row}, from 1; null for the plan as a whole) and
 * the column concerned ({@code column}: a part id of the plan form in documents.yaml), why, and the rule that found it.
 */
public record PlanFinding(Integer row, String column, String why, String rule) {
}
