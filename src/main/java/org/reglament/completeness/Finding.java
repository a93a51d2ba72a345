package org.reglament.completeness;

/** A defect of a part that is present (too few years of statistics), with the rule that found it. */
public record Finding(String part, String why, String rule) {
}
