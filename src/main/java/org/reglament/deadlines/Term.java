package org.reglament.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A deadline as a rule of an act states it: for {@code step}, {@code count} {@code unit} after (or before)
 * {@code event}, or a fixed date. ({@code periodUnit}, not {@code unit}: the rule language reserves that word.) Inserted by the act's rules; the period rules of its jurisdiction say
 * how it is counted.
 *
 * @param event     the event the period is counted from (a key of the request's events), null for a fixed date
 * @param fixedDate   a fixed date, the first day of the month of an n-th weekday, or the date a period before
 *                    counts back from when the rule fixes it itself (no event)
 * @param why         what the term is, where the rule's reading needs saying (an outer bound, not the step's own date)
 * @param completedBy the events that complete the step under this rule's reading; empty: those act.yaml names
 */
public record Term(String step, TermKind kind, int count, PeriodUnit periodUnit, String event, LocalDate fixedDate,
                   DayOfWeek weekday, String rule, String why, java.util.List<String> completedBy) {

    public Term {
        completedBy = completedBy == null ? java.util.List.of() : java.util.List.copyOf(completedBy);
    }

    private Term(String step, TermKind kind, int count, PeriodUnit periodUnit, String event, LocalDate fixedDate,
                 DayOfWeek weekday, String rule) {
        this(step, kind, count, periodUnit, event, fixedDate, weekday, rule, null, null);
    }

    /** The same term, saying what it is. */
    public Term because(String reason) {
        return new Term(step, kind, count, periodUnit, event, fixedDate, weekday, rule, reason, completedBy);
    }

    /** The same term, completed by these events (of the act's procedure) rather than those act.yaml names. */
    public Term withCompletion(String... events) {
        return new Term(step, kind, count, periodUnit, event, fixedDate, weekday, rule, why, java.util.List.of(events));
    }

    public static Term after(String step, String event, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.AFTER_EVENT, count, unit, event, null, null, rule);
    }

    public static Term before(String step, String event, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.BEFORE_EVENT, count, unit, event, null, null, rule);
    }

    public static Term notEarlierThan(String step, String event, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.NOT_EARLIER_THAN, count, unit, event, null, null, rule);
    }

    /** No later than a period before a date the rule itself fixes (the start of a calendar year). */
    public static Term beforeDate(String step, LocalDate anchor, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.BEFORE_EVENT, count, unit, null, anchor, null, rule);
    }

    public static Term fixedDate(String step, LocalDate date, String rule) {
        return new Term(step, TermKind.FIXED_DATE, 0, null, null, date, null, rule);
    }

    public static Term onEventDate(String step, String event, String rule) {
        return new Term(step, TermKind.ON_EVENT_DATE, 0, null, event, null, null, rule);
    }

    /** The {@code ordinal}-th {@code weekday} of the month of {@code month} (any day of it). */
    public static Term nthWeekdayOfMonth(String step, int ordinal, DayOfWeek weekday, LocalDate month, String rule) {
        return new Term(step, TermKind.NTH_WEEKDAY_OF_MONTH, ordinal, null, null, month.withDayOfMonth(1), weekday, rule);
    }
}
