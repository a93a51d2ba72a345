package org.reglament.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The measured share of citizens using e-services in a quarter ("2016-Q2"), in percent; the quarter's first day and
 * the date decided for, so that the rules can tell a quarter that has not begun.
 */
public record ShareMeasurement(String quarter, BigDecimal percent, LocalDate quarterBegins, LocalDate asOf) {
}
