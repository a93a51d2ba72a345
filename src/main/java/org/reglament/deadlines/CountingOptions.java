package org.reglament.deadlines;

import org.reglament.calendar.DecreeDays;

/**
 * The choices a request makes where the texts leave them open: how decree non-working days, «не ранее чем через» and
 * «не позднее, чем за … до» are counted, and what decree 845 cl. 32's twenty days cover. Null: the default reading.
 */
public record CountingOptions(DecreeDays decreeDays, NotEarlierThanReading notEarlierThan, PeriodBeforeReading periodBefore,
                              ReworkTermReading reworkTerm) {

    public CountingOptions {
        decreeDays = decreeDays == null ? DecreeDays.COUNT_AS_WORKING : decreeDays;
        notEarlierThan = notEarlierThan == null ? NotEarlierThanReading.ON_LAST_DAY : notEarlierThan;
        periodBefore = periodBefore == null ? PeriodBeforeReading.DUE_DAY_COUNTED : periodBefore;
        reworkTerm = reworkTerm == null ? ReworkTermReading.WHOLE_ROUND : reworkTerm;
    }

    public CountingOptions(DecreeDays decreeDays) {
        this(decreeDays, null, null, null);
    }
}
