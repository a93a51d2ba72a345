package org.reglament.deadlines;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reglament.calendar.DecreeDays;

/** The due date of one step of an act's procedure. */
public record DeadlineRequest(
        @Schema(description = "The date the decision is made for: the act's edition in force on it applies", example = "2018-10-01")
        @NotNull LocalDate asOf,
        @Schema(example = "ru.kamchatka_guidelines") @NotBlank String act,
        @Schema(example = "implementation") @NotBlank String step,
        @Schema(description = "The date of the event the step's term counts from (none for a fixed-date step)", example = "2018-10-01")
        LocalDate eventDate,
        @Valid StepParameters parameters,
        DecreeDays decreeNonWorkingDays) {

    /** Facts some steps' terms depend on. */
    public record StepParameters(
            @Schema(description = "Approved regulations received for ОТР development (3.5: more than 5 extends the term)")
            @PositiveOrZero Integer regulationsReceived) {
    }

    public Integer regulationsReceived() {
        return parameters == null ? null : parameters.regulationsReceived();
    }

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
