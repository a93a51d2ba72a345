package org.reglament.amendments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who drew up a plan of amendments: an executive body of the krai (2 para. 2) or a local government (2 para. 3). */
public enum PlanAuthor {
    IOGV("iogv"),
    OMSU("omsu");

    private final String code;

    PlanAuthor(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PlanAuthor fromCode(String code) {
        for (PlanAuthor value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not one of iogv, omsu");
    }
}
