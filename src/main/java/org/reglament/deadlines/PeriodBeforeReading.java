package org.reglament.deadlines;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * «Не позднее, чем за девять месяцев до наступления календарного года» (decree 845 cl. 8) and every «не позднее, чем
 * за N … до»: the last allowed day is the N-th unit counted back, itself one of the N (the reading taken by default:
 * 1 April for nine months before 1 January), or the day before it, so that N full units lie between it and the event
 * (31 March).
 */
public enum PeriodBeforeReading implements Coded {
    DUE_DAY_COUNTED("due-day-counted"),
    FULL_PERIOD_BETWEEN("full-period-between");

    private final String code;

    PeriodBeforeReading(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static PeriodBeforeReading fromCode(String code) {
        return Coded.fromCode(PeriodBeforeReading.class, code);
    }
}
