package org.reglament.decision;

import org.reglament.knowledgebase.Evaluation;

/** A rule's word that the knowledge base has nothing to answer a request with: a 422 naming the field. */
public record NotCovered(String field, String reason, String rule) {

    /** The 422 of the first such word the rules gave, naming its rule and the reading it took; nothing if none. */
    public static void refuse(Evaluation evaluation) {
        for (NotCovered notCovered : evaluation.all(NotCovered.class)) {
            throw new UnanswerableException(notCovered.field(), notCovered.reason(), notCovered.rule(),
                    Interpretation.ofRule(evaluation, notCovered.rule()));
        }
    }
}
