package org.reglament.knowledgebase;

import java.time.LocalDate;

/**
 * One edition of an act and the days it was in force (both ends inclusive; no end while in force).
 * {@code encoded} is false for an edition whose text the knowledge base does not have: a date in its
 * interval is answered with a refusal, never from another edition. {@code interpretation} says how the
 * interval was dated where an event (a publication) rather than a date bounds it.
 */
public record Edition(String edition, LocalDate adopted, LocalDate inForceFrom, LocalDate inForceUntil,
                      boolean encoded, String source, String sourceKk, String interpretation, String note) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(inForceFrom) && (inForceUntil == null || !date.isAfter(inForceUntil));
    }

    /** "1.1 от 12.09.2018", as a lawyer names an edition. */
    public String label() {
        return edition + " от " + String.format("%02d.%02d.%d", adopted.getDayOfMonth(), adopted.getMonthValue(),
                adopted.getYear());
    }
}
