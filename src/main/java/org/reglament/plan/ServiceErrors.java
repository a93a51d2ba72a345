package org.reglament.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Errors of a service over the calls made to it in the same period. */
public record ServiceErrors(long errors, long calls) {

    /** Exactly, without rounding: errors / calls &gt; limit / 100. */
    public boolean exceedsPercent(BigDecimal limit) {
        return BigDecimal.valueOf(errors).multiply(BigDecimal.valueOf(100))
                .compareTo(limit.multiply(BigDecimal.valueOf(calls))) > 0;
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(errors).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
