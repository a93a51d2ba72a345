package org.reglament.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Citation;

/** Answers of the Smolensk plan decisions. */
public final class PlanAnswers {
    private PlanAnswers() {
    }

    /** A measured value against the value the act requires. */
    public record IndicatorCheck(String indicator, BigDecimal measured, BigDecimal required, boolean met, String why,
                                 String rule, String clause, Citation citation) {
    }

    /** Every item of the plan on asOf. */
    public record PlanStatus(List<ItemStatus> items) {
    }

    /**
     * One item: its term as written, how it is read, and its status. {@code nextDue} is the date the item
     * is next due (the term's end, or the end of the current quarter for a quarterly item). {@code responsible},
     * {@code proof} and {@code result} quote the item's row: who answers for it, the document that proves it done
     * (its report, for the items reported yearly or quarterly) and what it is to achieve.
     */
    public record ItemStatus(String item, String title, String term, PlanTerm.Reading reading, LocalDate from,
                             LocalDate to, Status status, LocalDate nextDue, LocalDate completedOn, Boolean onTime,
                             String note, String rule, Citation citation, String responsible, String proof,
                             String result) {
    }

    public enum Status {
        NOT_STARTED("not-started"),
        IN_PROGRESS("in-progress"),
        TERM_EXPIRED("term-expired"),
        DONE("done"),
        ONGOING("ongoing"),
        NO_TERM("no-term");

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
