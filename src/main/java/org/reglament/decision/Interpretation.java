package org.reglament.decision;

/**
 * A reading of the text that the text itself leaves open, named so that a lawyer can dispute it. Where the request
 * can choose another reading, {@code reading} is the request parameter and value that selected this one
 * ({@code "majority=votes-cast"}) and {@code alternative} the other reading and its parameter value.
 */
public record Interpretation(String rule, String actId, String clause, String text, String reading,
                             String alternative) {

    /** The reading a rule's metadata names, or null where the rule takes none. */
    public static Interpretation of(org.reglament.knowledgebase.RuleCitation rule) {
        return rule.interpretation() == null ? null
                : new Interpretation(rule.rule(), rule.actId(), rule.clause(), rule.interpretation(), rule.reading(),
                rule.alternative());
    }

    /**
     * The reading taken by {@code rule}, one of the rules of {@code evaluation}'s acts, or null: a refusal a rule
     * makes names it as an answer does, so that a lawyer can dispute the refusal too.
     */
    public static Interpretation ofRule(org.reglament.knowledgebase.Evaluation evaluation, String rule) {
        if (rule == null) {
            return null;
        }
        PreparedCitations.Prepared prepared = PreparedCitations.of(evaluation.knowledgeBase())
                .find(evaluation.acts(), rule);
        return prepared == null ? null : prepared.interpretation();
    }
}
