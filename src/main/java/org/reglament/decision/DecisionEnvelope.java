package org.reglament.decision;

import java.time.LocalDate;
import java.util.List;

/**
 * Every decision answer: what was decided, for which date and under which edition, by which
 * version of the knowledge base, and which rules (with their citations and interpretations) made
 * the answer. Apart from {@code decisionId} and {@code digest}, the same request always gives the same
 * envelope. {@code digest} is the digest of the receipt the decision log keeps of this answer.
 */
public record DecisionEnvelope<T>(String decisionId, String decision, LocalDate asOf, RegulationApplied regulation,
                                  String knowledgeBaseVersion, T result, List<RuleApplied> rulesFired,
                                  List<Interpretation> interpretations, String digest) {

    public DecisionEnvelope<T> withDigest(String receiptDigest) {
        return new DecisionEnvelope<>(decisionId, decision, asOf, regulation, knowledgeBaseVersion, result, rulesFired,
                interpretations, receiptDigest);
    }
}
