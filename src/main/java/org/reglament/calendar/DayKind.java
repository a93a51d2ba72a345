package org.reglament.calendar;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a day is in a production calendar. */
public enum DayKind {
    WORKING_DAY("working-day"),
    /** Saturday or Sunday. */
    WEEKEND("weekend"),
    /** A weekday that is not worked: a public holiday or a day off moved onto it. */
    DAY_OFF("day-off"),
    /** A Saturday or Sunday that is worked by transfer. */
    WORKING_WEEKEND("working-weekend"),
    /** A weekday declared non-working by a Presidential decree (Russia, 2020–2021). */
    DECREE_NON_WORKING("decree-non-working");

    private final String code;

    DayKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
