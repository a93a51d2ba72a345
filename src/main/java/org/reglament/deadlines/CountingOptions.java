package org.reglament.deadlines;

import org.reglament.calendar.DecreeDays;

/** The choices a request makes where the period rules leave them open. */
public record CountingOptions(DecreeDays decreeDays) {
}
