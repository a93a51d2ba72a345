package org.reglament.matrix;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a follow-up step of section 3 applies to a service. */
public enum Applicability {
    APPLIES("applies"),
    DOES_NOT_APPLY("does-not-apply"),
    /** Applies only if the agency makes the discretionary choice named in the reason. */
    CONDITIONAL("conditional");

    private final String code;

    Applicability(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
