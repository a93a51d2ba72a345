package org.reglament.plan;

import java.math.BigDecimal;

/** The measured share of citizens using e-services in a quarter ("2016-Q2"), in percent. */
public record ShareMeasurement(String quarter, BigDecimal percent) {
}
