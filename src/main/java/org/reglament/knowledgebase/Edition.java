package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One edition of an act and the days it was in force (both ends inclusive; no end while in force).
 * {@code encoded} is false for an edition whose text the knowledge base does not have: a date in its
 * interval is answered with a refusal, never from another edition. {@code interpretation} says how the
 * interval was dated where an event (a publication) rather than a date bounds it.
 */
public record Edition(String edition, LocalDate adopted, LocalDate inForceFrom, LocalDate inForceUntil,
                      boolean encoded, String source, String sourceKk, String interpretation, String note) {
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }

    /**
     * "1.1 от 12.09.2018", as a lawyer names an edition. Every citation of every answer calls it: String.format here
     * took 45 % of an action-matrix decision's time in a profile (docs/benchmarks.md, registry files).
     */
    public String label() {
        return edition + " от " + RUSSIAN_DATE.format(adopted);
    }
}
