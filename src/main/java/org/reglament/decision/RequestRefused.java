package org.reglament.decision;

import org.reglament.knowledgebase.Evaluation;

/**
 * A rule's word that the request cannot be decided as sent (a share of a quarter that has not begun): a 400 naming
 * the field, the rule and the reading it took, so that a lawyer can dispute the refusal as any answer.
 */
public record RequestRefused(String field, String reason, String rule) {

    /** The 400 of the first refusal the rules made; nothing if none. */
    public static void refuse(Evaluation evaluation) {
        for (RequestRefused refused : evaluation.all(RequestRefused.class)) {
            throw new InvalidRequestException(refused.field(), refused.reason(), refused.rule(),
                    Interpretation.ofRule(evaluation, refused.rule()));
        }
    }
}
