package org.reglament.matrix;

/** Whether one of the six steps that follow the matrix (section 3, items 1–6; 3.1–3.6) applies. */
public record FollowUpStep(int step, Applicability applicability, String why, String rule) {
}
