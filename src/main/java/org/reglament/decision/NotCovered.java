package org.reglament.decision;

/** A rule's word that the knowledge base has nothing to answer a request with: a 422 naming the field. */
public record NotCovered(String field, String reason, String rule) {
}
