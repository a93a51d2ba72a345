package org.reglament.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Item 3.8: citizens entering state and municipal service in a period, and how many of them are registered. */
public record EntrantsRegistration(long entrants, long registered) {

    /** Exactly, without rounding: registered / entrants &ge; target / 100. */
    public boolean reaches(BigDecimal target) {
        return BigDecimal.valueOf(registered).multiply(BigDecimal.valueOf(100))
                .compareTo(target.multiply(BigDecimal.valueOf(entrants))) >= 0;
    }

    public BigDecimal percent() {
        return BigDecimal.valueOf(registered).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(entrants), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
