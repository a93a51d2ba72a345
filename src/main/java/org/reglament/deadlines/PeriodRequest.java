package org.reglament.deadlines;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.reglament.calendar.DecreeDays;

/** Count a period by the period rules and production calendar of a jurisdiction. */
public record PeriodRequest(
        @Schema(description = "The date the decision is made for: the edition of the period rules in force on it applies", example = "2018-04-27")
        @NotNull LocalDate asOf,
        @Schema(description = "RU or KZ", example = "RU") @NotNull @Pattern(regexp = "RU|KZ", message = "must be RU or KZ") String jurisdiction,
        @Schema(description = "The date of the event the period counts from (after) or back from (before)", example = "2018-04-27")
        @NotNull LocalDate eventDate,
        @Schema(example = "14") @NotNull @Positive @Max(3650) Integer count,
        @Schema(example = "working-days") @NotNull PeriodUnit unit,
        @Schema(description = "after: within N after the event; before: no later than N before it", example = "after")
        @NotNull @Pattern(regexp = "after|before", message = "must be after or before") String direction,
        @Schema(description = "Russia's 2020–2021 decree non-working days: count-as-working (default interpretation) or skip")
        DecreeDays decreeNonWorkingDays) {

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
