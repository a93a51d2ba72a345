package org.reglament.decision;

import org.reglament.knowledgebase.Evaluation;

/**
 * The refusals the rules make that no decision answers past, in the one order every decision refuses in: the
 * request's own fault first ({@link RequestRefused}: a contradiction in it, a quarter that has not begun), then what
 * the knowledge base does not cover ({@link NotCovered}). A fact the request left out (the deadlines' MissingFact)
 * comes after them, where each decision knows which of its steps needs it.
 */
public final class RuleRefusals {
    private RuleRefusals() {
    }

    public static void refuse(Evaluation evaluation) {
        RequestRefused.refuse(evaluation);
        NotCovered.refuse(evaluation);
    }
}
