package org.reglament.deadlines;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.reglament.calendar.DecreeDays;
import org.reglament.decision.Language;

/** The due date of one step of an act's procedure. */
public record DeadlineRequest(
        @Schema(description = "The date the decision is made for: the act's edition in force on it applies", example = "2018-10-01")
        @NotNull LocalDate asOf,
        @Schema(example = "ru.kamchatka_guidelines") @NotBlank String act,
        @Schema(example = "implementation") @NotBlank String step,
        @Schema(description = "The date of the event the step's term counts from (none for a fixed-date step)", example = "2018-10-01")
        LocalDate eventDate,
        @Valid StepParameters parameters,
        DecreeDays decreeNonWorkingDays,
        @Schema(description = "Citations' language first where the act has Russian and Kazakh texts: ru or kk") Language language) {

    public Language languageOrDefault() {
        return language == null ? Language.RU : language;
    }

    /** Facts some steps' terms depend on. */
    public record StepParameters(
            @Schema(description = "Approved regulations received for ОТР development (3.5: more than 5 extends the term)")
            @PositiveOrZero Integer regulationsReceived,
            @Schema(description = "The calendar year of a yearly step (a plan-schedule, a list of services)", example = "2021")
            @jakarta.validation.constraints.Min(2000) @jakarta.validation.constraints.Max(2100) Integer year) {
    }

    public Integer regulationsReceived() {
        return parameters == null ? null : parameters.regulationsReceived();
    }

    public Integer year() {
        return parameters == null ? null : parameters.year();
    }

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
