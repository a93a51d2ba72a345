package org.reglament.decision;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A rule's word on the legal force of what an answer measures against: recommendations (the Kamchatka guidelines
 * «носят рекомендательный характер», section 1), a requirement they restate (Decree No. 236), or a comparison for
 * information only (a priority service's matrix is the one the Subcommittee approved, 3.1.1). {@code step} is the
 * deadline step it concerns, null for the whole answer.
 */
public record LegalForce(String step, Force force, String why, String rule) {

    public enum Force {
        RECOMMENDATION("recommendation", "не соответствует рекомендациям"),
        REQUIREMENT("requirement", "не соответствует требованию"),
        INFORMATION("information", "расходится, для сведения");

        private final String code;
        private final String departure;

        Force(String code, String departure) {
            this.code = code;
            this.departure = departure;
        }

        @JsonValue
        public String code() {
            return code;
        }

        /** What a departure from it is called in an answer. */
        public String departure() {
            return departure;
        }
    }
}
