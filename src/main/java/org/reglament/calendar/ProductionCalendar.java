package org.reglament.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A country's production calendar, answering for one day what it is, whether it is worked and why. */
public final class ProductionCalendar {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final CalendarData data;
    private final Map<Integer, CalendarData.Year> years = new HashMap<>();
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> workingWeekendDays = new HashSet<>();
    private final Set<LocalDate> shortened = new HashSet<>();
    private final Map<LocalDate, String> decreeActs = new HashMap<>();
    private final int firstYear;
    private final int lastYear;

    public ProductionCalendar(CalendarData data) {
        this.data = data;
        for (CalendarData.Year year : data.years()) {
            if (years.put(year.year(), year) != null) {
                throw new IllegalArgumentException(data.country() + " calendar lists " + year.year() + " twice");
            }
            daysOff.addAll(orEmpty(year.daysOff()));
            workingWeekendDays.addAll(orEmpty(year.workingDays()));
            shortened.addAll(orEmpty(year.shortenedDays()));
        }
        for (CalendarData.DecreePeriod period : orEmpty(data.decreeNonWorkingDays())) {
            period.days().forEach(day -> decreeActs.put(day, period.act()));
        }
        firstYear = years.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
        lastYear = years.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int year = firstYear; year <= lastYear; year++) {
            if (!years.containsKey(year)) {
                throw new IllegalArgumentException(data.country() + " calendar has no year " + year);
            }
        }
    }

    public String country() { return data.country(); }
    public CalendarData data() { return data; }
    public int firstYear() { return firstYear; }
    public int lastYear() { return lastYear; }

    /** The act that set the calendar of a year. */
    public String act(int year) {
        CalendarData.Year entry = years.get(year);
        return entry == null ? null : entry.act();
    }

    /**
     * The day as a deadline sees it.
     *
     * @throws CalendarNotCoveredException for a year the calendar does not cover
     */
    public CalendarDay day(LocalDate date, DecreeDays decreeDays) {
        CalendarData.Year year = years.get(date.getYear());
        if (year == null) {
            throw new CalendarNotCoveredException(data.country(), date, firstYear, lastYear);
        }
        if (decreeActs.containsKey(date)) {
            boolean skip = decreeDays == DecreeDays.SKIP;
            return new CalendarDay(date, DayKind.DECREE_NON_WORKING, !skip, "нерабочий день по указу ("
                    + decreeActs.get(date) + ")" + (skip ? ", пропускается" : ", для сроков считается рабочим"));
        }
        if (daysOff.contains(date)) {
            String holiday = data.holidayNames() == null ? null : data.holidayNames().get(date.format(MONTH_DAY));
            return new CalendarDay(date, DayKind.DAY_OFF, false,
                    (holiday != null ? "нерабочий праздничный день «" + holiday + "»" : "перенесённый выходной день")
                            + " (" + year.act() + ")");
        }
        if (workingWeekendDays.contains(date)) {
            return new CalendarDay(date, DayKind.WORKING_WEEKEND, true, "рабочий день по переносу (" + year.act() + ")");
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return new CalendarDay(date, DayKind.WEEKEND, false,
                    date.getDayOfWeek() == DayOfWeek.SATURDAY ? "суббота" : "воскресенье");
        }
        return new CalendarDay(date, DayKind.WORKING_DAY, true, "рабочий день");
    }

    public boolean isShortened(LocalDate date) {
        return shortened.contains(date);
    }

    public Set<LocalDate> decreeDays() {
        return decreeActs.keySet();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
