package org.reglament.plan;

import java.time.LocalDate;

/**
 * One item of a plan of measures and its term as the plan writes it ({@code term}, a quote) with the
 * reading of that term ({@code kind}, {@code from}, {@code to}) that the plan rules name and cite.
 */
public record PlanItem(String item, String title, String term, String kind, LocalDate from, LocalDate to,
                       String note) {
}
