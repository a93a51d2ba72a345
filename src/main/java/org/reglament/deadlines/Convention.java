package org.reglament.deadlines;

/** A counting convention a period rule establishes; the arithmetic counts nothing without the one it needs. */
public enum Convention {
    FIXED_DATE_AS_IS,
    WORKING_DAYS_BY_CALENDAR,
    COUNT_FROM_NEXT_DAY,
    YEARS_SAME_MONTH_AND_DAY,
    MONTHS_SAME_NUMBER_OR_LAST_DAY,
    WEEKS_SAME_WEEKDAY,
    SHIFT_TO_NEXT_WORKING_DAY,
    COUNT_BACK_FROM_DAY_BEFORE_EVENT,
    SHIFT_TO_PREVIOUS_WORKING_DAY,
    DECREE_DAYS_AS_WORKING,
    DECREE_DAYS_SKIPPED,
    NTH_WEEKDAY_OF_MONTH,
    EARLIEST_AT_PERIOD_END,
    /** «Не ранее чем через N»: the earliest day is the day after the period's last day. */
    EARLIEST_DAY_AFTER_PERIOD_END,
    /** «Не позднее, чем за N до»: N full units lie between the last allowed day and the event. */
    FULL_PERIOD_BEFORE_EVENT
}
