package org.reglament.deadlines;

/** A convention and the period rule that established it. */
public record PeriodConvention(Convention convention, String rule) {
}
