package org.reglament.decision;

/** A rule that fired for this decision, with its citation and the interpretation it encodes, if any. */
public record RuleApplied(String rule, Citation citation, String interpretation) {
}
