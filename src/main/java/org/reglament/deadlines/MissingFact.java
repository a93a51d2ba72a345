package org.reglament.deadlines;

/**
 * A rule needs a fact the request did not give to state the term of {@code step}, which counts from
 * {@code event}: once that event is known, the answer is a 400 naming the field (its path in a deadline
 * request), never a default. A fact the whole decision needs has no {@code step}.
 */
public record MissingFact(String step, String event, String field, String reason, String rule) {
}
