package org.reglament.completeness;

/** A required part the submission lacks, and the rule that required it. */
public record MissingPart(String document, String id, String rule) {
}
