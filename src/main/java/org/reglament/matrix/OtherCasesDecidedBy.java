package org.reglament.matrix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * Kamchatka 3.1.4.3 para. 3, «Иные случаи могут быть рассмотрены на заседании Рабочей группы»: at 100 or fewer
 * applications action 3 is for the Working Group to decide (the reading taken by default), or at the agency's
 * discretion.
 */
public enum OtherCasesDecidedBy implements Coded {
    WORKING_GROUP("working-group"),
    AGENCY("agency");

    private final String code;

    OtherCasesDecidedBy(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static OtherCasesDecidedBy fromCode(String code) {
        return Coded.fromCode(OtherCasesDecidedBy.class, code);
    }
}
