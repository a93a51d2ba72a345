package org.reglament.decision;

/**
 * A reading of the text that the text itself leaves open, named so that a lawyer can dispute it. Where the request
 * can choose another reading, {@code reading} is the request parameter and value that selected this one
 * ({@code "majority=votes-cast"}) and {@code alternative} the other reading and its parameter value.
 */
public record Interpretation(String rule, String actId, String clause, String text, String reading,
                             String alternative) {
}
