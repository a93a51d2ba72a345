package org.reglament.plan;

import java.math.BigDecimal;

/** Whether a measured value meets the value the act sets, and the rule that compared them. */
public record IndicatorVerdict(String indicator, boolean met, BigDecimal required, String why, String rule) {
}
