package org.reglament.calendar;

import java.time.LocalDate;

/** One day of a production calendar: its kind, whether it is worked, and why (with the act behind it). */
public record CalendarDay(LocalDate date, DayKind kind, boolean working, String reason) {
}
