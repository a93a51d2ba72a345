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

    /**
     * The share as the answer states it: to ten places, so that a share just over the limit (100,001 errors in
     * 10,000,000 calls: 1.00001 %) is not stated as the limit itself while the verdict says it is over.
     */
    public BigDecimal percent() {
        return BigDecimal.valueOf(errors).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(calls), 10, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
