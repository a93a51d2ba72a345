package org.reglament.plan;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a plan rule reads an item's term. {@code to} is null for ongoing and recurring items. */
public record PlanTerm(String item, Reading reading, LocalDate from, LocalDate to, String rule) {

    public enum Reading {
        PERIOD("period"),
        BY_DATE("by-date"),
        ONGOING("ongoing"),
        QUARTERLY("quarterly"),
        BY_EXTERNAL_SCHEDULE("by-external-schedule"),
        NOT_SET("not-set");

        private final String code;

        Reading(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
