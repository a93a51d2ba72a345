package org.reglament.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A production calendar as it is written in rules/&lt;country&gt;/production_calendar/calendar.yaml: for
 * each covered year the act that set it, the weekdays not worked, the weekend days worked and the
 * shortened days; and, as a kind of their own, the non-working days declared by decree.
 */
public record CalendarData(String country, String title, String periodRules, String basis, String actsChecked,
                           Map<String, String> holidayNames, List<DecreePeriod> decreeNonWorkingDays,
                           List<Year> years) {

    /** One year and the act that set its transfers. */
    public record Year(int year, String act, List<LocalDate> daysOff, List<LocalDate> workingDays,
                       List<LocalDate> shortenedDays) {
    }

    /** Days one decree declared non-working. */
    public record DecreePeriod(String act, List<LocalDate> days) {
    }
}
