package org.reglament.log;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt's place in the one order of the whole log that auditors see: its answer time, then its stream and its
 * place in the stream. A page of receipts ends at a position and the next page begins after it, so that paging a log
 * of millions costs one index range per page (where an offset makes the database read and drop every receipt before
 * the page), and a receipt stored while an auditor pages, which with several replicas may sort before receipts already
 * read, never shifts a receipt onto the next page twice. Written as the text an auditor can read and send back:
 * {@code 2026-12-02T18:00:00.123Z,2,4711}.
 */
public record LogPosition(String answeredAt, int stream, long leafIndex) {
    private static final Pattern TEXT = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z),(\\d{1,9}),(\\d{1,18})");

    /** A position as written by {@link #toString()}, or null when the text is not one. */
    public static LogPosition parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            // Answer times are recorded in exactly this form; one that is not a time of the calendar is no position.
            Instant.parse(m.group(1));
        } catch (DateTimeException e) {
            return null;
        }
        return new LogPosition(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    public static LogPosition of(Receipt receipt) {
        return new LogPosition(receipt.answeredAt(), receipt.stream(), receipt.leafIndex());
    }

    @Override
    public String toString() {
        return answeredAt + "," + stream + "," + leafIndex;
    }
}
