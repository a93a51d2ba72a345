package org.reglament.decision;

/** A reading of the text that the text itself leaves open, named so that a lawyer can dispute it. */
public record Interpretation(String rule, String actId, String clause, String text) {
}
