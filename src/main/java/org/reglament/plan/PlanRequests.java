package org.reglament.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** Requests of the Smolensk plan decisions. */
public final class PlanRequests {
    private PlanRequests() {
    }

    /** Does a quarter's measured share of e-service users meet the plan's target for that quarter? */
    public record ShareCheck(
            @Schema(example = "2017-01-15") @NotNull LocalDate asOf,
            @Schema(description = "Quarter as YYYY-Qn", example = "2016-Q4")
            @NotNull @Pattern(regexp = "\\d{4}-Q[1-4]", message = "must be a quarter such as 2016-Q4") String quarter,
            @Schema(description = "Measured share, percent", example = "50.2")
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percent) {

        /** The quarter's first day (the quarter is validated as YYYY-Qn before a decision reads it). */
        public LocalDate quarterBegins() {
            return LocalDate.of(Integer.parseInt(quarter.substring(0, 4)), 1, 1)
                    .with(java.time.temporal.IsoFields.QUARTER_OF_YEAR, quarter.charAt(6) - '0');
        }
    }

    /** Do a service's errors stay within item 2.5's limit? */
    public record ErrorRateCheck(
            @Schema(example = "2017-01-15") @NotNull LocalDate asOf,
            @Schema(example = "10") @NotNull @PositiveOrZero Long errors,
            @Schema(example = "1000") @NotNull @Positive Long calls) {
    }

    /**
     * Item 3.8: of the citizens entering state and municipal service (and work in the institutions subordinate to
     * the executive bodies and local governments) in a period, how many are registered on the portals.
     */
    public record EntrantsRegistrationCheck(
            @Schema(example = "2017-01-15") @NotNull LocalDate asOf,
            @Schema(description = "Citizens who entered the service or such work in the period", example = "120")
            @NotNull @Positive Long entrants,
            @Schema(description = "Of them, registered on the single and the regional portal", example = "120")
            @NotNull @PositiveOrZero Long registered) {
    }

    /** Where each plan item stands on asOf, given the items known to be done and when. */
    public record PlanStatusCheck(
            @Schema(example = "2017-01-15") @NotNull LocalDate asOf,
            @Schema(description = "Items known to be done, with the date", example = "{\"2.2\":\"2016-12-20\"}")
            Map<String, LocalDate> completed) {

        public Map<String, LocalDate> completedOrNone() {
            return completed == null ? Map.of() : completed;
        }
    }
}
