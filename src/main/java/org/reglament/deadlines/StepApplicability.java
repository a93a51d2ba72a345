package org.reglament.deadlines;

import org.reglament.matrix.Applicability;

/** A rule's word that a deadline step does not apply to this service (or only on a condition). */
public record StepApplicability(String step, Applicability applicability, String why, String rule) {
}
