package org.reglament.deadlines;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * «Не ранее двух месяцев с момента…» (decree 845 cl. 25): the earliest day is the day the period expires (the
 * reading taken by default) or the day after it.
 */
public enum NotEarlierThanReading implements Coded {
    ON_LAST_DAY("on-last-day"),
    AFTER_LAST_DAY("after-last-day");

    private final String code;

    NotEarlierThanReading(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static NotEarlierThanReading fromCode(String code) {
        return Coded.fromCode(NotEarlierThanReading.class, code);
    }
}
