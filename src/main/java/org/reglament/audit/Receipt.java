package org.reglament.audit;

import java.time.LocalDate;

/**
 * What the decision log keeps of one answer: the canonical request and answer, the date decided for, the
 * edition and knowledge-base version that answered, who asked (never a secret: a key's name), when it was
 * answered (the only wall-clock value, kept out of the decision itself), its digest and its place in the chain.
 */
public record Receipt(long seq, String decisionId, String decision, String registryId, LocalDate asOf, String actId,
                      String edition, String knowledgeBaseVersion, String answeredAt, String caller, String request,
                      String answer, String digest, String chain) {

    public static final String GENESIS = "0".repeat(64);

    Receipt withDigest(String receiptDigest) {
        return new Receipt(seq, decisionId, decision, registryId, asOf, actId, edition, knowledgeBaseVersion, answeredAt,
                caller, request, answer, receiptDigest, chain);
    }

    Receipt placed(long position, String chainValue) {
        return new Receipt(position, decisionId, decision, registryId, asOf, actId, edition, knowledgeBaseVersion,
                answeredAt, caller, request, answer, digest, chainValue);
    }

    /** The digest over everything the receipt records, in a fixed order (its place in the chain aside). */
    public String computeDigest() {
        return Digests.sha256(String.join("\n", decisionId, decision, registryId == null ? "" : registryId,
                asOf.toString(), actId, edition, knowledgeBaseVersion, answeredAt, caller, request, answer));
    }

    /** The chain value after this receipt, given the one before it. */
    public static String chain(String previousChain, String digest) {
        return Digests.sha256(previousChain + digest);
    }
}
