package org.reglament.plan;

import java.time.LocalDate;

/**
 * One item of a plan of measures and its term as the plan writes it ({@code term}, a quote) with the
 * reading of that term ({@code kind}, {@code from}, {@code to}) that the plan rules name and cite, and the item's
 * other columns as quotes of its row: the document that proves it done ({@code proof}: a report, a protocol, an
 * order), its responsible executor ({@code responsible}) and its expected result ({@code result}); null where the
 * plan leaves the column empty.
 */
public record PlanItem(String item, String title, String term, String kind, LocalDate from, LocalDate to,
                       String note, String proof, String responsible, String result) {
}
