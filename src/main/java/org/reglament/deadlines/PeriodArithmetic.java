package org.reglament.deadlines;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reglament.calendar.CalendarDay;
import org.reglament.calendar.DayKind;
import org.reglament.calendar.DecreeDays;
import org.reglament.calendar.ProductionCalendar;

/**
 * Counts a {@link Term} on a production calendar, applying only the conventions the period rules
 * established for this evaluation. The legal choices are in the rules; this class only counts, and
 * refuses to count where the knowledge base has not said how.
 */
public final class PeriodArithmetic {
    private final Map<Convention, String> conventions = new EnumMap<>(Convention.class);
    private final ProductionCalendar calendar;
    private final DecreeDays decreeDays;

    public PeriodArithmetic(List<PeriodConvention> conventions, ProductionCalendar calendar) {
        conventions.forEach(c -> this.conventions.put(c.convention(), c.rule()));
        this.calendar = calendar;
        // Which reading of decree days applies is itself a rule; it is cited only where such a day is met.
        this.decreeDays = this.conventions.containsKey(Convention.DECREE_DAYS_SKIPPED)
                ? DecreeDays.SKIP : DecreeDays.COUNT_AS_WORKING;
    }

    /** The due date of {@code term} for an event on {@code event} (null for a fixed date). */
    public Countdown count(Term term, LocalDate event) {
        if (term.kind() == TermKind.BEFORE_EVENT && term.event() == null) {
            event = term.fixedDate();
        }
        Set<String> applied = new LinkedHashSet<>();
        List<TraceDay> trace = new ArrayList<>();
        LocalDate due = switch (term.kind()) {
            case FIXED_DATE -> {
                applied.add(rule(Convention.FIXED_DATE_AS_IS));
                yield term.fixedDate();
            }
            case ON_EVENT_DATE -> {
                applied.add(rule(Convention.FIXED_DATE_AS_IS));
                yield event;
            }
            case AFTER_EVENT -> after(term, event, trace, applied);
            case BEFORE_EVENT -> before(term, event, trace, applied);
            case NTH_WEEKDAY_OF_MONTH -> {
                applied.add(rule(Convention.NTH_WEEKDAY_OF_MONTH));
                yield term.fixedDate().with(TemporalAdjusters.dayOfWeekInMonth(term.count(), term.weekday()));
            }
            case NOT_EARLIER_THAN -> {
                boolean dayAfter = conventions.containsKey(Convention.EARLIEST_DAY_AFTER_PERIOD_END);
                applied.add(rule(dayAfter ? Convention.EARLIEST_DAY_AFTER_PERIOD_END : Convention.EARLIEST_AT_PERIOD_END));
                trace.add(new TraceDay(event, TraceDay.Role.EVENT, null, "день события в срок не входит"));
                LocalDate lastDay = switch (term.periodUnit()) {
                    case CALENDAR_DAYS -> event.plusDays(term.count());
                    case WEEKS -> event.plusWeeks(term.count());
                    case MONTHS -> event.plusMonths(term.count());
                    case YEARS -> event.plusYears(term.count());
                    case WORKING_DAYS -> throw new IllegalStateException("no earlier than N working days is not encoded");
                };
                if (dayAfter) {
                    trace.add(new TraceDay(lastDay, TraceDay.Role.COUNTED, null, "последний день периода: период ещё не истёк"));
                }
                yield dayAfter ? lastDay.plusDays(1) : lastDay;
            }
        };
        // Also refuses a due date outside the covered years.
        trace.add(new TraceDay(due, TraceDay.Role.DUE, null, calendar.day(due, decreeDays).reason()));
        return new Countdown(due, List.copyOf(trace), List.copyOf(applied));
    }

    private LocalDate after(Term term, LocalDate event, List<TraceDay> trace, Set<String> applied) {
        applied.add(rule(Convention.COUNT_FROM_NEXT_DAY));
        trace.add(new TraceDay(event, TraceDay.Role.EVENT, null, "день события в срок не входит"));
        LocalDate last;
        switch (term.periodUnit()) {
            case WORKING_DAYS -> {
                applied.add(rule(Convention.WORKING_DAYS_BY_CALENDAR));
                int counted = 0;
                LocalDate day = event;
                while (counted < term.count()) {
                    day = day.plusDays(1);
                    CalendarDay info = calendar.day(day, decreeDays);
                    if (info.kind() == DayKind.DECREE_NON_WORKING) {
                        decreeRule(applied);
                    }
                    if (info.working()) {
                        trace.add(new TraceDay(day, TraceDay.Role.COUNTED, ++counted, info.reason()));
                    } else {
                        trace.add(new TraceDay(day, TraceDay.Role.SKIPPED, null, info.reason()));
                    }
                }
                return day;
            }
            case CALENDAR_DAYS -> {
                for (int n = 1; n <= term.count(); n++) {
                    LocalDate day = event.plusDays(n);
                    trace.add(new TraceDay(day, TraceDay.Role.COUNTED, n, calendar.day(day, decreeDays).reason()));
                }
                last = event.plusDays(term.count());
            }
            case WEEKS -> {
                applied.add(rule(Convention.WEEKS_SAME_WEEKDAY));
                last = event.plusWeeks(term.count());
            }
            case MONTHS -> {
                applied.add(rule(Convention.MONTHS_SAME_NUMBER_OR_LAST_DAY));
                last = event.plusMonths(term.count()); // clamps to the month's last day, as art. 192 p. 4 says
            }
            case YEARS -> {
                applied.add(rule(Convention.YEARS_SAME_MONTH_AND_DAY));
                last = event.plusYears(term.count());
            }
            default -> throw new IllegalStateException("unit " + term.periodUnit());
        }
        return shiftForward(last, trace, applied);
    }

    private LocalDate shiftForward(LocalDate last, List<TraceDay> trace, Set<String> applied) {
        LocalDate day = last;
        CalendarDay info = calendar.day(day, decreeDays);
        if (info.kind() == DayKind.DECREE_NON_WORKING) {
            decreeRule(applied);
        }
        while (!info.working()) {
            applied.add(rule(Convention.SHIFT_TO_NEXT_WORKING_DAY));
            trace.add(new TraceDay(day, TraceDay.Role.SHIFTED_OVER, null, info.reason()));
            day = day.plusDays(1);
            info = calendar.day(day, decreeDays);
        }
        return day;
    }

    private LocalDate before(Term term, LocalDate event, List<TraceDay> trace, Set<String> applied) {
        applied.add(rule(Convention.COUNT_BACK_FROM_DAY_BEFORE_EVENT));
        // Read as "N full units between the last allowed day and the event", one more day (working day) goes back.
        boolean fullPeriod = conventions.containsKey(Convention.FULL_PERIOD_BEFORE_EVENT);
        if (fullPeriod) {
            applied.add(rule(Convention.FULL_PERIOD_BEFORE_EVENT));
        }
        int extra = fullPeriod ? 1 : 0;
        trace.add(new TraceDay(event, TraceDay.Role.EVENT, null, "день события в срок не входит"));
        LocalDate day = event;
        if (term.periodUnit() == PeriodUnit.WORKING_DAYS) {
            applied.add(rule(Convention.WORKING_DAYS_BY_CALENDAR));
            int counted = 0;
            while (counted < term.count() + extra) {
                day = day.minusDays(1);
                CalendarDay info = calendar.day(day, decreeDays);
                if (info.kind() == DayKind.DECREE_NON_WORKING) {
                    decreeRule(applied);
                }
                trace.add(new TraceDay(day, info.working() ? TraceDay.Role.COUNTED : TraceDay.Role.SKIPPED,
                        info.working() ? ++counted : null, info.reason()));
            }
            return day;
        }
        switch (term.periodUnit()) {
            case CALENDAR_DAYS -> {
                for (int n = 1; n <= term.count() + extra; n++) {
                    day = event.minusDays(n);
                    trace.add(new TraceDay(day, TraceDay.Role.COUNTED, n, calendar.day(day, decreeDays).reason()));
                }
            }
            case WEEKS -> day = event.minusWeeks(term.count()).minusDays(extra);
            case MONTHS -> day = event.minusMonths(term.count()).minusDays(extra);
            case YEARS -> day = event.minusYears(term.count()).minusDays(extra);
            default -> throw new IllegalStateException("unit " + term.periodUnit());
        }
        CalendarDay info = calendar.day(day, decreeDays);
        while (!info.working()) {
            applied.add(rule(Convention.SHIFT_TO_PREVIOUS_WORKING_DAY));
            trace.add(new TraceDay(day, TraceDay.Role.SHIFTED_OVER, null, info.reason()));
            day = day.minusDays(1);
            info = calendar.day(day, decreeDays);
        }
        return day;
    }

    private void decreeRule(Set<String> applied) {
        applied.add(rule(decreeDays == DecreeDays.SKIP ? Convention.DECREE_DAYS_SKIPPED : Convention.DECREE_DAYS_AS_WORKING));
    }

    private String rule(Convention convention) {
        String rule = conventions.get(convention);
        if (rule == null) {
            throw new IllegalStateException("no period rule of the knowledge base establishes " + convention);
        }
        return rule;
    }
}
