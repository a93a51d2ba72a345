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
        DecreeDays decreeNonWorkingDays,
        @Schema(description = "ОТР development term as extended, calendar days (3.5: up to 60 when more than 5 regulations were received); absent: not extended")
        @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(366) Integer otrExtendedTermDays,
        @Schema(description = "The term the service's row of its plan of amendments states (section 2)")
        LocalDate plannedTerm,
        @Schema(description = "«Не ранее чем через N после…» (decree 845 cl. 25): on-last-day (default: the earliest day is the day the period expires) or after-last-day")
        NotEarlierThanReading notEarlierThan,
        @Schema(description = "«Не позднее, чем за N … до…» (decree 845 cl. 8, 19, 30): due-day-counted (default: the N-th unit counted back is itself allowed) or full-period-between (N full units between the due day and the event)")
        PeriodBeforeReading periodBefore,
        @Schema(description = "Decree 845 cl. 32, what the 20 working days cover: whole-round (default: the rework with a new cl. 16–20 round, to the return to the commission) or revision-then-round (the revision, then cl. 16–20 with their own terms)")
        ReworkTermReading reworkTerm,
        @Schema(description = "Kamchatka 3.1.4.2 where applicants are received only at the MFC: not-electronic (default, «0») or not-provided («-»)")
        org.reglament.matrix.MfcOnlyBooking mfcOnlyBooking,
        @Schema(description = "Kamchatka 3.1.4.3 para. 3 at 100 or fewer applications: working-group (default) or agency decides action 3")
        org.reglament.matrix.OtherCasesDecidedBy otherCasesDecidedBy) {

    /** The readings this request chose, the defaults where it chose none. */
    public CountingOptions counting() {
        return new CountingOptions(decreeNonWorkingDays, notEarlierThan, periodBefore, reworkTerm);
    }
}
