package org.reglament.deadlines;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The units a period is counted in (Civil Code art. 190), with their codes in data and requests. */
public enum PeriodUnit {
    CALENDAR_DAYS("calendar-days"),
    WORKING_DAYS("working-days"),
    WEEKS("weeks"),
    MONTHS("months"),
    YEARS("years");

    private final String code;

    PeriodUnit(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PeriodUnit of(String code) {
        for (PeriodUnit unit : values()) {
            if (unit.code.equals(code)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("\"" + code
                + "\" is not one of calendar-days, working-days, weeks, months, years");
    }
}
