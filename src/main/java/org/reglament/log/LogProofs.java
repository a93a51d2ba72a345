package org.reglament.log;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Inclusion and consistency proofs (RFC 9162) against a stream's latest signed checkpoint, for anyone to check
 * offline with the log's public key ({@link OfflineVerification}, {@code java -jar reglament.jar log …}).
 * <p>
 * A proof is computed from the stream's stored digests: reading a stream of n receipts costs O(n) (about a second
 * per million here). The stored-subtree tiles that make it O(log n) are the step after this one (docs/security.md).
 */
@Component
public class LogProofs {
    private final ReceiptRepository receipts;
    private final LogStreams streams;
    private final DecisionLog log;

    public LogProofs(ReceiptRepository receipts, LogStreams streams, DecisionLog log) {
        this.receipts = receipts;
        this.streams = streams;
        this.log = log;
    }

    /** That a receipt is leaf {@code leafIndex} of the tree a signed checkpoint holds. */
    public record InclusionProof(String decisionId, int stream, long leafIndex, String digest, String leafHash,
                                 long treeSize, List<String> inclusionProof, String checkpoint) {
    }

    /** That the stream's tree of {@code fromSize} receipts is the start of the tree a signed checkpoint holds. */
    public record ConsistencyProof(int stream, long fromSize, long toSize, List<String> consistencyProof,
                                   String checkpoint) {
    }

    /** The receipt is newer than the stream's latest checkpoint: the next one, within the interval, covers it. */
    public static class NotYetCheckpointed extends RuntimeException {
        public NotYetCheckpointed(String message) {
            super(message);
        }
    }

    public InclusionProof inclusion(Receipt receipt) {
        Checkpoint checkpoint = latest(receipt.stream());
        if (checkpoint == null || checkpoint.treeSize() <= receipt.leafIndex()) {
            throw new NotYetCheckpointed("receipt " + receipt.decisionId() + " is leaf " + receipt.leafIndex()
                    + " of stream " + receipt.stream() + ", newer than the stream's latest signed checkpoint ("
                    + (checkpoint == null ? "none yet" : checkpoint.treeSize() + " receipts") + "); ask again in a second");
        }
        List<byte[]> leaves = receipts.leafHashes(receipt.stream(), checkpoint.treeSize());
        List<byte[]> path = MerkleTree.inclusionProof(leaves, Math.toIntExact(receipt.leafIndex()),
                Math.toIntExact(checkpoint.treeSize()));
        return new InclusionProof(receipt.decisionId(), receipt.stream(), receipt.leafIndex(), receipt.digest(),
                HexFormat.of().formatHex(MerkleTree.leafHash(receipt.digest())), checkpoint.treeSize(), base64(path),
                checkpoint.note());
    }

    /**
     * @throws IllegalArgumentException when {@code fromSize} is beyond the stream's latest checkpoint
     */
    public ConsistencyProof consistency(int stream, long fromSize) {
        if (streams.streams().stream().noneMatch(s -> s.stream() == stream)) {
            // Not «not yet checkpointed, ask again» (409): no replica has written this stream, and none will be told to.
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                    "the log has no stream " + stream + "; GET /api/v1/log/checkpoints lists its streams");
        }
        Checkpoint checkpoint = latest(stream);
        if (checkpoint == null) {
            throw new NotYetCheckpointed("stream " + stream + " has no signed checkpoint");
        }
        if (fromSize < 0 || fromSize > checkpoint.treeSize()) {
            throw new IllegalArgumentException("the stream's latest checkpoint holds " + checkpoint.treeSize()
                    + " receipts; a consistency proof goes from 0 to that");
        }
        List<byte[]> path = fromSize == 0 ? List.of() : MerkleTree.consistencyProof(
                receipts.leafHashes(stream, checkpoint.treeSize()), Math.toIntExact(fromSize),
                Math.toIntExact(checkpoint.treeSize()));
        return new ConsistencyProof(stream, fromSize, checkpoint.treeSize(), base64(path), checkpoint.note());
    }

    /** The latest checkpoint of a stream: this replica's own, or the one its writer left in the database. */
    public Checkpoint latest(int stream) {
        Checkpoint own = log.latestCheckpoint();
        if (own != null && own.stream() == stream) {
            return own;
        }
        return streams.stream(stream).map(LogStreams.Stream::checkpoint).map(Checkpoint::parse).orElse(null);
    }

    public List<Checkpoint> latestOfEveryStream() {
        return streams.streams().stream().map(s -> latest(s.stream())).filter(c -> c != null).toList();
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
