package org.reglament.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a deadline treats the non-working days that Presidential decrees declared in 2020–2021. They are
 * not public holidays (Labour Code art. 112); whether a period skips them is an interpretation the
 * request may choose, never a silent default.
 */
public enum DecreeDays {
    /** Counted as working days: they are neither weekends nor public holidays. */
    COUNT_AS_WORKING("count-as-working"),
    /** Skipped like a public holiday. */
    SKIP("skip");

    private final String code;

    DecreeDays(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static DecreeDays fromCode(String code) {
        for (DecreeDays value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not one of count-as-working, skip");
    }
}
