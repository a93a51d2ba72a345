package org.reglament.calendar;

import java.time.LocalDate;

/** A date outside the years the knowledge base has a production calendar for: no weekend-only guess. */
public class CalendarNotCoveredException extends RuntimeException {
    private final String country;
    private final LocalDate date;
    private final int firstYear;
    private final int lastYear;

    public CalendarNotCoveredException(String country, LocalDate date, int firstYear, int lastYear) {
        super("the production calendar of " + country + " covers " + firstYear + "–" + lastYear + ", not " + date);
        this.country = country;
        this.date = date;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public String country() { return country; }
    public LocalDate date() { return date; }
    public int firstYear() { return firstYear; }
    public int lastYear() { return lastYear; }
}
