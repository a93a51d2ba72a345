package org.reglament.amendments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The level an ОМСУ's plan of amendments is drawn up at (2 para. 3: consolidated at the level of districts). */
public enum PlanLevel {
    MUNICIPAL_DISTRICT("municipal-district"),
    URBAN_DISTRICT("urban-district"),
    SETTLEMENT("settlement");

    private final String code;

    PlanLevel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PlanLevel fromCode(String code) {
        for (PlanLevel value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not one of municipal-district, urban-district, settlement");
    }
}
