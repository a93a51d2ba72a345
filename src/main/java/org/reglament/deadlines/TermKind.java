package org.reglament.deadlines;

/** How a deadline is fixed. */
public enum TermKind {
    /** Within a period after an event: "within 14 working days from the date the ОТР is agreed". */
    AFTER_EVENT,
    /** No later than a period before an event: "no later than 10 working days before the meeting". */
    BEFORE_EVENT,
    /** A calendar date set by the act: "no later than 30.09.2018". */
    FIXED_DATE,
    /** The date of the event itself, set by the parties: "on the date set in the protocol". */
    ON_EVENT_DATE,
    /** The n-th weekday of a month: "the third Monday of the month". */
    NTH_WEEKDAY_OF_MONTH,
    /** The earliest day after a period from an event: "no earlier than two months after approval". */
    NOT_EARLIER_THAN
}
