package org.reglament.deadlines;

import org.reglament.decision.Interpretation;
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.Evaluation;

/**
 * A rule needs a fact the request did not give to state the term of {@code step}, which counts from
 * {@code event}: once that event is known, the answer is a 400 naming the field (its path in a deadline
 * request), never a default. A fact the whole decision needs has no {@code step}.
 */
public record MissingFact(String step, String event, String field, String reason, String rule) {

    /** The 400 this makes, naming the field as the request spells it, the rule that needs it and its reading. */
    public InvalidRequestException refusal(Evaluation evaluation, String asSent) {
        return new InvalidRequestException(asSent, reason, rule, Interpretation.ofRule(evaluation, rule));
    }

    public InvalidRequestException refusal(Evaluation evaluation) {
        return refusal(evaluation, field);
    }
}
