package org.reglament.deadlines;

import java.time.LocalDate;

/**
 * A deadline as a rule of an act states it: for {@code step}, {@code count} {@code unit} after (or before)
 * {@code event}, or a fixed date. ({@code periodUnit}, not {@code unit}: the rule language reserves that word.) Inserted by the act's rules; the period rules of its jurisdiction say
 * how it is counted.
 *
 * @param event the event the period is counted from (a key of the request's events), null for a fixed date
 */
public record Term(String step, TermKind kind, int count, PeriodUnit periodUnit, String event, LocalDate fixedDate,
                   String rule) {

    public static Term after(String step, String event, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.AFTER_EVENT, count, unit, event, null, rule);
    }

    public static Term before(String step, String event, int count, PeriodUnit unit, String rule) {
        return new Term(step, TermKind.BEFORE_EVENT, count, unit, event, null, rule);
    }

    public static Term fixedDate(String step, LocalDate date, String rule) {
        return new Term(step, TermKind.FIXED_DATE, 0, null, null, date, rule);
    }

    public static Term onEventDate(String step, String event, String rule) {
        return new Term(step, TermKind.ON_EVENT_DATE, 0, null, event, null, rule);
    }
}
