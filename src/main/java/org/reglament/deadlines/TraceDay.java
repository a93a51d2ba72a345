package org.reglament.deadlines;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonValue;

/** One day the counting looked at, and what it did with it. */
public record TraceDay(LocalDate date, Role role, Integer number, String reason) {

    public enum Role {
        /** The event the period counts from (not itself counted, art. 191). */
        EVENT("event"),
        COUNTED("counted"),
        SKIPPED("skipped"),
        /** A non-working last day, passed over by the shift of art. 193. */
        SHIFTED_OVER("shifted-over"),
        DUE("due");

        private final String code;

        Role(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
