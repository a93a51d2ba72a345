package org.reglament.completeness;

/** A part a document must (or, if optional, may) contain, as the act's documents.yaml lists it. */
public record RequiredPart(String document, String id, boolean optional) {
}
