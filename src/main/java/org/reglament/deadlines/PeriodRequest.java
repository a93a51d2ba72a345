package org.reglament.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.reglament.calendar.DecreeDays;

/**
 * Count a period by the period rules and production calendar of a jurisdiction. {@code kind}:
 * <ul>
 *   <li>{@code within} (default): {@code count} {@code unit} {@code direction} (after or before) {@code eventDate};</li>
 *   <li>{@code not-earlier-than}: the earliest day {@code count} {@code unit} after {@code eventDate};</li>
 *   <li>{@code annual-date}: "no later than {@code monthDay}" of {@code year};</li>
 *   <li>{@code nth-weekday-of-month}: the {@code ordinal}-th {@code weekday} of {@code month}.</li>
 * </ul>
 */
public record PeriodRequest(
        @Schema(description = "The date the decision is made for: the edition of the period rules in force on it applies", example = "2018-04-27")
        @NotNull LocalDate asOf,
        @Schema(description = "RU or KZ", example = "RU") @NotNull @Pattern(regexp = "RU|KZ", message = "must be RU or KZ") String jurisdiction,
        @Schema(description = "within (default), not-earlier-than, annual-date, nth-weekday-of-month", example = "within")
        @Pattern(regexp = "within|not-earlier-than|annual-date|nth-weekday-of-month",
                message = "must be within, not-earlier-than, annual-date or nth-weekday-of-month") String kind,
        @Schema(description = "The date of the event the period counts from (after) or back from (before)", example = "2018-04-27")
        LocalDate eventDate,
        @Schema(example = "14") @Positive @Max(3650) Integer count,
        @Schema(example = "working-days") PeriodUnit unit,
        @Schema(description = "after: within N after the event; before: no later than N before it", example = "after")
        @Pattern(regexp = "after|before", message = "must be after or before") String direction,
        @Schema(description = "annual-date: the day as MM-DD", example = "03-30")
        @Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])", message = "must be a day as MM-DD") String monthDay,
        @Schema(description = "annual-date: the year", example = "2021") @Min(1900) @Max(2100) Integer year,
        @Schema(description = "nth-weekday-of-month: the month", example = "2014-03") YearMonth month,
        @Schema(description = "nth-weekday-of-month: 1–5", example = "3") @Min(1) @Max(5) Integer ordinal,
        @Schema(description = "nth-weekday-of-month", example = "MONDAY") DayOfWeek weekday,
        @Schema(description = "Russia's 2020–2021 decree non-working days: count-as-working (default interpretation) or skip")
        DecreeDays decreeNonWorkingDays,
        @Schema(description = "«Не ранее чем через N после…» (decree 845 cl. 25): on-last-day (default: the earliest day is the day the period expires) or after-last-day")
        NotEarlierThanReading notEarlierThan,
        @Schema(description = "«Не позднее, чем за N … до…» (decree 845 cl. 8, 19, 30): due-day-counted (default: the N-th unit counted back is itself allowed) or full-period-between (N full units between the due day and the event)")
        PeriodBeforeReading periodBefore) {

    /**
     * The fields each kind of period reads, besides asOf, jurisdiction and kind: DeadlineDecisions refuses the others,
     * and the site's form shows only these (TryForms). In the order of {@code kind}'s pattern.
     */
    public static final java.util.Map<String, java.util.Set<String>> FIELDS_OF_KIND;

    static {
        java.util.Map<String, java.util.Set<String>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("within", java.util.Set.of("eventDate", "count", "unit", "direction", "decreeNonWorkingDays",
                "periodBefore"));
        kinds.put("not-earlier-than", java.util.Set.of("eventDate", "count", "unit", "decreeNonWorkingDays",
                "notEarlierThan"));
        kinds.put("annual-date", java.util.Set.of("monthDay", "year", "decreeNonWorkingDays"));
        kinds.put("nth-weekday-of-month", java.util.Set.of("month", "ordinal", "weekday", "decreeNonWorkingDays"));
        FIELDS_OF_KIND = java.util.Collections.unmodifiableMap(kinds);
    }

    /**
     * Fields a period {@code within} reads in one direction only (the reading of «не позднее, чем за N … до…» counts
     * back from an event): DeadlineDecisions refuses them in the other, and the form shows them only with it.
     */
    public static final java.util.Map<String, String> DIRECTION_OF_FIELD = java.util.Map.of("periodBefore", "before");

    /** The kind of a period that does not say. */
    public static final String DEFAULT_KIND = "within";

    /** The jurisdiction whose decree non-working days of 2020–2021 {@code decreeNonWorkingDays} reads. */
    public static final String DECREE_DAYS_OF = "RU";

    /** The readings this request chose, the defaults where it chose none. */
    public CountingOptions counting() {
        return new CountingOptions(decreeNonWorkingDays, notEarlierThan, periodBefore, null);
    }

    public String kindOrDefault() {
        return kind == null ? DEFAULT_KIND : kind;
    }

    public DecreeDays decreeDays() {
        return decreeNonWorkingDays == null ? DecreeDays.COUNT_AS_WORKING : decreeNonWorkingDays;
    }
}
