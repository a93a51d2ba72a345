package org.reglament.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a date, month, instant or decimal number from a request, for JSON bodies and query parameters
 * alike. A date is exactly {@code YYYY-MM-DD} (no time, sign, padding or other calendar), in the years 2000–2100: the
 * knowledge base starts with acts of 2000 (the Kazakh law on administrative procedures) and no act it encodes
 * looks beyond 2100. Within those years a date the knowledge base does not cover (no edition in force, no calendar)
 * is a 422 from the decision, not a 400 from here. A decimal number has at most {@value #MAX_DIGITS} digits before
 * and {@value #MAX_DIGITS} after the point, so that no request can make the service write (or compute with) a number
 * of a billion digits.
 */
public final class RequestValues {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_DIGITS = 18;

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    /** Something that looks like a date with a year of another width or a sign: its year is what is wrong. */
    private static final Pattern OTHER_YEAR = Pattern.compile("([+-]?\\d+)-\\d{2}(-\\d{2})?");
    /** An instant as receipts record it, or with an offset: 2026-01-31T12:00:00Z, 2026-01-31T15:00:00.123+03:00. */
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private RequestValues() {
    }

    /** A value the service does not accept; its message is the reason, fit for the answer. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String reason) {
            super(reason);
        }
    }

    public static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            throw new Refused(otherYear(text) + notA("a date as YYYY-MM-DD", text));
        }
        int year = year(m.group(1));
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            throw new Refused(quoted(text) + " is not a day of the calendar");
        }
    }

    public static YearMonth month(String text) {
        Matcher m = MONTH.matcher(text);
        if (!m.matches()) {
            throw new Refused(otherYear(text) + notA("a month as YYYY-MM", text));
        }
        int year = year(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new Refused(quoted(text) + " is not a month of the year");
        }
        return YearMonth.of(year, month);
    }

    public static Instant instant(String text) {
        if (!INSTANT.matcher(text).matches()) {
            throw new Refused(notA("an instant as YYYY-MM-DDThh:mm:ss[.fff]Z (or with an offset such as +03:00)", text));
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeException e) {
            throw new Refused(quoted(text) + " is not a time of the calendar");
        }
        checkYear(time.withOffsetSameInstant(ZoneOffset.UTC).getYear());
        return time.toInstant();
    }

    /** A whole number in a query or path parameter: digits, an optional minus, nothing else (no hex, no padding). */
    public static long wholeNumber(String text, long min, long max) {
        long value;
        try {
            value = text.matches("-?\\d{1,19}") ? Long.parseLong(text) : Long.MIN_VALUE;
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE; // more than a long holds
        }
        if (value == Long.MIN_VALUE || value < min || value > max) {
            throw new Refused(notA("a whole number", text) + (text.matches("-?\\d+") ? " of this size" : ""));
        }
        return value;
    }

    /** A decimal within the digits the service accepts; trailing zeros do not count. */
    public static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        long after = Math.max(stripped.scale(), 0);
        long before = Math.max((long) stripped.precision() - stripped.scale(), 0);
        if (after > MAX_DIGITS || before > MAX_DIGITS) {
            throw new Refused("a number may have at most " + MAX_DIGITS + " digits before and " + MAX_DIGITS
                    + " after the decimal point; this one has " + (after > MAX_DIGITS ? after + " after" : before + " before"));
        }
        return value;
    }

    private static int year(String digits) {
        return checkYear(Integer.parseInt(digits));
    }

    private static int checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new Refused(yearOutside(String.valueOf(year)));
        }
        return year;
    }

    private static String otherYear(String text) {
        Matcher m = OTHER_YEAR.matcher(text);
        return m.matches() && !m.group(1).matches("\\d{4}") ? yearOutside(m.group(1)) + "; " : "";
    }

    private static String yearOutside(String year) {
        return "year " + year + " is outside the years the service accepts (" + FIRST_YEAR + "–" + LAST_YEAR + ")";
    }

    private static String notA(String what, String text) {
        return quoted(text) + " is not " + what;
    }

    /**
     * Why a text cannot be recorded as sent, or null: a lone surrogate (no UTF-8 form, so a receipt would record and
     * digest a {@code ?} in its place), a control character other than tab and line breaks, or a bidirectional control
     * (U+202A–U+202E, U+2066–U+2069), which makes a name read otherwise on screen than in the log. The JSON bodies
     * (StrictInput) and the registry files' cells are held to it alike.
     */
    public static String unrecordable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "a lone surrogate (\\u" + String.format("%04x", (int) c) + ") is not a character";
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return "control character U+" + String.format("%04X", (int) c) + " at position " + (i + 1);
            } else if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                return "bidirectional control U+" + String.format("%04X", (int) c) + " at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * The text with every character {@link #unrecordable} refuses written as a visible escape ({@code \ud800},
     * {@code \u202e}): what a row's answer shows of a cell it could not carry as sent.
     */
    public static String escaped(String text) {
        StringBuilder shown = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (unrecordable(String.valueOf(c)) != null) { // only for a cell refused already: rare
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /**
     * No charset named, or UTF-8 by any of its names ({@code utf8}, {@code UTF-8}, quoted): the only text the service
     * reads (RFC 8259 for JSON) and writes. An unknown or illegal name is not UTF-8.
     */
    public static boolean utf8(String charset) {
        if (charset == null) {
            return true;
        }
        try {
            return java.nio.charset.Charset.forName(charset.replace("\"", "").trim())
                    .equals(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) { // IllegalCharsetNameException, UnsupportedCharsetException
            return false;
        }
    }

    /** The value as sent, cut short: an answer never repeats a long request value in full. */
    public static String quoted(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }
}
