package org.reglament.log;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an auditor or a registry tool checks on its own machine, with nothing but the log's verifier key (the
 * algorithm is written out in docs/security.md, so it can be done without this code too):
 * <ul>
 * <li>{@link #inclusion}: a checkpoint signed by the log's key holds the receipt — its digest (recomputed from the
 * receipt's fields where they are given) is the leaf at its index of the tree whose root the checkpoint signs;</li>
 * <li>{@link #consistency}: the checkpoint kept earlier is the start of the newer one — nothing the older one covered
 * was changed, removed or reordered since.</li>
 * </ul>
 */
public final class OfflineVerification {
    private OfflineVerification() {
    }

    /** Each check made, with its outcome: everything passed when none failed. */
    public record Report(List<String> passed, List<String> failed) {
        public boolean ok() {
            return failed.isEmpty();
        }
    }

    /**
     * @param proof   an inclusion proof as the log hands it out (with {@code receipt} when an auditor asked for it)
     * @param answer  the answer as its caller got it, or null
     */
    public static Report inclusion(JsonNode proof, String verifierKey, JsonNode answer) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Checkpoint checkpoint = signedCheckpoint(proof.path("checkpoint").asText(), verifierKey, "the proof's checkpoint",
                passed, failed);
        int stream = proof.path("stream").asInt(-1);
        long leafIndex = proof.path("leafIndex").asLong(-1);
        long treeSize = proof.path("treeSize").asLong(-1);
        String digest = proof.path("digest").asText("");
        if (checkpoint != null) {
            check(checkpoint.stream() == stream && checkpoint.treeSize() == treeSize, "the checkpoint is of stream "
                    + stream + " at " + treeSize + " receipts, as the proof says", passed, failed);
        }
        JsonNode receipt = proof.path("receipt");
        if (receipt.isObject()) {
            String computed = Receipt.digest(receipt.path("decisionId").asText(), receipt.path("decision").asText(),
                    receipt.path("registryId").isNull() || receipt.path("registryId").isMissingNode() ? null
                            : receipt.path("registryId").asText(),
                    LocalDate.parse(receipt.path("asOf").asText()), receipt.path("actId").asText(),
                    receipt.path("edition").asText(), receipt.path("knowledgeBaseVersion").asText(),
                    receipt.path("answeredAt").asText(), receipt.path("caller").asText(),
                    Digests.utf8(receipt.path("request").asText()), Digests.utf8(receipt.path("answer").asText()));
            check(computed.equals(digest), "the receipt's fields hash to its digest " + digest, passed, failed);
        }
        if (answer != null) {
            check(answer.path("digest").asText().equals(digest), "the answer's digest is the proof's", passed, failed);
            check(answer.path("log").path("stream").asInt(-1) == stream
                    && answer.path("log").path("leafIndex").asLong(-1) == leafIndex,
                    "the answer's place in the log is the proof's (stream " + stream + ", leaf " + leafIndex + ")",
                    passed, failed);
        }
        if (checkpoint != null && digest.matches("[0-9a-f]{64}")) {
            boolean included = MerkleTree.verifyInclusion(leafIndex, treeSize, MerkleTree.leafHash(digest),
                    hashes(proof.path("inclusionProof")), checkpoint.root());
            check(included, "the inclusion proof leads from leaf " + leafIndex + " to the signed root", passed, failed);
        } else if (checkpoint != null) {
            failed.add("the proof's digest is not a SHA-256 in hex");
        }
        return new Report(passed, failed);
    }

    /** @param older a checkpoint kept earlier (a signed note); {@code proof} a consistency proof from its size */
    public static Report consistency(String older, JsonNode proof, String verifierKey) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Checkpoint first = signedCheckpoint(older, verifierKey, "the checkpoint kept", passed, failed);
        Checkpoint second = signedCheckpoint(proof.path("checkpoint").asText(), verifierKey, "the proof's checkpoint",
                passed, failed);
        if (first != null && second != null) {
            check(first.origin().equals(second.origin()), "both checkpoints are of " + first.origin(), passed, failed);
            check(proof.path("fromSize").asLong(-1) == first.treeSize() && proof.path("toSize").asLong(-1)
                    == second.treeSize(), "the proof goes from " + first.treeSize() + " to " + second.treeSize()
                    + " receipts", passed, failed);
            check(MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.root(), second.root(),
                    hashes(proof.path("consistencyProof"))), "the tree of " + second.treeSize() + " receipts extends the "
                    + "one of " + first.treeSize() + " unchanged", passed, failed);
        }
        return new Report(passed, failed);
    }

    private static Checkpoint signedCheckpoint(String note, String verifierKey, String what, List<String> passed,
                                               List<String> failed) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(note);
        } catch (IllegalArgumentException e) {
            failed.add(what + " does not read: " + e.getMessage());
            return null;
        }
        boolean signed = LogKey.verify(verifierKey, checkpoint);
        check(signed, what + " (" + checkpoint.origin() + ", " + checkpoint.treeSize() + " receipts) is signed by "
                + verifierKey.split("\\+")[0], passed, failed);
        return signed ? checkpoint : null;
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(node -> hashes.add(Base64.getDecoder().decode(node.asText())));
        return hashes;
    }

    private static void check(boolean ok, String what, List<String> passed, List<String> failed) {
        (ok ? passed : failed).add(what);
    }
}
