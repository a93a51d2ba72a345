package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Citation;
import org.reglament.matrix.Applicability;
import org.reglament.matrix.ServiceDescription;

/** Where one service stands in its procedure on a day: every step, its due date and its status. */
public record Timeline(ServiceDescription service, List<Event> events, List<Step> steps) {

    /** A known event of the procedure. */
    public record Event(String key, String name, LocalDate date) {
    }

    /**
     * One step. {@code applicabilityRule} is the rule that made it inapplicable or conditional; {@code rule}
     * the rule that set its term (or said it has none). {@code due} is null while the event it counts from has not
     * happened, and where the step has no term; {@code onTime} is set once it is done. {@code extension} is an
     * extension of the term the text permits (3.5 para. 5); {@code legalForce} what a missed term is: a departure
     * from recommendations, or from a requirement they restate.
     */
    public record Step(String step, String name, Applicability applicability, String applicabilityRule, Status status,
                       LocalDate due,
                       Event countsFrom, Event completedBy, Boolean onTime, String why, String rule, String clause,
                       Citation citation, List<String> periodRules, DeadlineAnswer.Extension extension,
                       org.reglament.decision.LegalForceStated legalForce) {
    }

    public enum Status {
        NOT_APPLICABLE("not-applicable"),
        NOT_STARTED("not-started"),
        DUE("due"),
        OVERDUE("overdue"),
        DONE("done"),
        /** A "no earlier than" step before its earliest day. */
        WAITING("waiting"),
        /** A "no earlier than" step on or after its earliest day. */
        ALLOWED("allowed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}
