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
        @Schema(description = "Facts the step's term depends on: only those its rules read (a parameter another step reads is refused)")
        @Valid StepParameters parameters,
        DecreeDays decreeNonWorkingDays,
        @Schema(description = "Citations' language first where the act has Russian and Kazakh texts: ru or kk") Language language,
        @Schema(description = "«Не ранее чем через N после…» (decree 845 cl. 25): on-last-day (default: the earliest day is the day the period expires) or after-last-day")
        NotEarlierThanReading notEarlierThan,
        @Schema(description = "«Не позднее, чем за N … до…» (decree 845 cl. 8, 19, 30): due-day-counted (default: the N-th unit counted back is itself allowed) or full-period-between (N full units between the due day and the event)")
        PeriodBeforeReading periodBefore,
        @Schema(description = "Decree 845 cl. 32, what the 20 working days cover: whole-round (default: the rework with a new cl. 16–20 round, to the return to the commission) or revision-then-round (the revision, then cl. 16–20 with their own terms)")
        ReworkTermReading reworkTerm) {

    /** The readings this request chose, the defaults where it chose none. */
    public CountingOptions counting() {
        return new CountingOptions(decreeNonWorkingDays, notEarlierThan, periodBefore, reworkTerm);
    }

    public Language languageOrDefault() {
        return language == null ? Language.RU : language;
    }

    /** Facts some steps' terms depend on; each step reads only its own (act.yaml's stepReads), another is refused. */
    public record StepParameters(
            @Schema(description = "Approved regulations received for ОТР development (3.5: more than 5 extends the term)")
            @PositiveOrZero Integer regulationsReceived,
            @Schema(description = "The calendar year of a yearly step (a plan-schedule, a list of services)", example = "2021")
            @jakarta.validation.constraints.Min(2000) @jakarta.validation.constraints.Max(2100) Integer year,
            @Schema(description = "ОТР development term as extended, calendar days (3.5: «может быть увеличен до 60 календарных дней» when more than 5 regulations were received); absent: not extended", example = "45")
            @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(366) Integer otrExtendedTermDays,
            @Schema(description = "The term the service's row of its plan of amendments states (section 2, column «Срок внесения изменений»)", example = "2018-08-31")
            LocalDate plannedTerm) {
    }

    public Integer regulationsReceived() {
        return parameters == null ? null : parameters.regulationsReceived();
    }

    public Integer year() {
        return parameters == null ? null : parameters.year();
    }

    public Integer otrExtendedTermDays() {
        return parameters == null ? null : parameters.otrExtendedTermDays();
    }

    public LocalDate plannedTerm() {
        return parameters == null ? null : parameters.plannedTerm();
    }

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
