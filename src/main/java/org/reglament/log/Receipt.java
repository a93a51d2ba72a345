package org.reglament.log;

import java.time.LocalDate;

/**
 * What the decision log keeps of one answer: the canonical request and answer, the date decided for, the
 * edition and knowledge-base version that answered, who asked (never a secret: a key's name), when it was
 * answered (the only wall-clock value, kept out of the decision itself), its digest and its place in the log: a
 * stream and the index of its leaf in that stream's Merkle tree.
 */
public record Receipt(int stream, long leafIndex, String decisionId, String decision, String registryId, LocalDate asOf, String actId,
                      String edition, String knowledgeBaseVersion, String answeredAt, String caller, String request,
                      String answer, String digest) {

    /**
     * The digest over everything the receipt records, in a fixed order (its place in the log aside): SHA-256 of the
     * fields as UTF-8 joined by newlines (docs/decision-log.md gives the order, for verifying offline).
     */
    public String computeDigest() {
        return digest(decisionId, decision, registryId, asOf, actId, edition, knowledgeBaseVersion, answeredAt, caller,
                Digests.utf8(request), Digests.utf8(answer));
    }

    /** The same digest, from the answer as it was sent (UTF-8) rather than read back. */
    public static String digest(String decisionId, String decision, String registryId, LocalDate asOf, String actId,
                         String edition, String knowledgeBaseVersion, String answeredAt, String caller, byte[] request,
                         byte[] answer) {
        return Digests.ofFields(Digests.utf8(decisionId), Digests.utf8(decision),
                Digests.utf8(registryId == null ? "" : registryId), Digests.utf8(asOf.toString()), Digests.utf8(actId),
                Digests.utf8(edition), Digests.utf8(knowledgeBaseVersion), Digests.utf8(answeredAt), Digests.utf8(caller),
                request, answer);
    }

}
