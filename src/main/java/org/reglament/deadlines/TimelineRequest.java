package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reglament.calendar.DecreeDays;
import org.reglament.matrix.ServiceDescription;

/** Every deadline of one service's procedure, with its status on {@code asOf}. */
public record TimelineRequest(
        @Schema(description = "The day the statuses are given for; the act's edition in force on it applies", example = "2018-12-03")
        @NotNull LocalDate asOf,
        @Schema(example = "ru.kamchatka_guidelines") @NotBlank String act,
        @Schema(description = "The service, where the act's steps depend on it (Kamchatka: the action matrix)")
        @Valid ServiceDescription service,
        @Schema(description = "Dates of the procedure's events known so far, by the act's event names",
                example = "{\"regulationApproved\":\"2018-10-01\",\"regulationReceivedForOtr\":\"2018-10-03\"}")
        @NotNull Map<String, LocalDate> events,
        @Schema(description = "Whether the joint testing protocol lists remarks (3.6.6)") Boolean testingRemarks,
        @Schema(description = "Approved regulations received for ОТР development (3.5)") @PositiveOrZero Integer regulationsReceived,
        @Schema(description = "The calendar year of yearly steps (a plan-schedule, a list of services)")
        @jakarta.validation.constraints.Min(2000) @jakarta.validation.constraints.Max(2100) Integer year,
        DecreeDays decreeNonWorkingDays) {

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
