package org.reglament.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Walks every stream of the decision log and reports every problem it finds, not only the first:
 * <ul>
 * <li>{@code altered}: a receipt's content no longer matches its digest, or no longer reads;</li>
 * <li>{@code missing}: leaves missing from a stream (a gap in its leaf indexes);</li>
 * <li>{@code rewritten}: the stream's first n receipts no longer hash to the root a signed checkpoint of n receipts
 * holds — a receipt changed, removed or put in, even with every hash after it recomputed;</li>
 * <li>{@code truncated}: a signed checkpoint covers more receipts than the stream holds;</li>
 * <li>{@code checkpoint-invalid}: a checkpoint that is not signed by the log's key (or does not read);</li>
 * <li>{@code head-mismatch}: the stream's head in the database disagrees with its receipts;</li>
 * <li>{@code unknown-stream}: receipts of a stream the database no longer lists.</li>
 * </ul>
 * The signed checkpoints are what an attacker with the database alone cannot forge: those kept in the database
 * (it can delete them, not change them), the files in the checkpoint directory, and those an auditor brings.
 */
@Component
public class LogVerifier {
    /** Problems listed in one answer at most; all are counted. */
    static final int MOST_LISTED = 1000;

    private final ReceiptRepository receipts;
    private final LogStreams streams;
    private final ReceiptTexts texts;
    private final LogKey key;
    private final List<String> trustedKeys;
    private final Path checkpointDirectory;

    public LogVerifier(ReceiptRepository receipts, LogStreams streams, ReceiptTexts texts, LogKey key,
                       DecisionLog log, @Value("${reglament.audit.log.trusted-keys:}") List<String> trustedKeys) {
        this.receipts = receipts;
        this.streams = streams;
        this.texts = texts;
        this.key = key;
        this.trustedKeys = trustedKeys.stream().filter(k -> !k.isBlank()).toList();
        this.checkpointDirectory = log.checkpointDirectory();
    }

    /** One problem; {@code leafIndex} and {@code decisionId} where it concerns one receipt. */
    public record Problem(int stream, Long leafIndex, String decisionId, String kind, String detail) {
    }

    /** One stream as verified: its receipts, its tree, and how many signed checkpoints it was compared with. */
    public record StreamReport(int stream, long receipts, long treeSize, String root, int checkpointsChecked,
                               long problems) {
    }

    /** The outcome of a walk over every stream. */
    public record Verification(boolean intact, long verified, List<StreamReport> streams, long problemCount,
                               List<Problem> problems, Problem firstProblem) {
    }

    /** A signed checkpoint to compare a stream with, and where it came from. */
    private record Signed(Checkpoint checkpoint, String source) {
    }

    /**
     * Verifies every stream against the checkpoints kept and those supplied (signed notes). Receipts written while it
     * walks are left for the next verification.
     */
    public Verification verify(List<String> supplied) {
        texts.forgetDictionaries();
        List<Problem> problems = new ArrayList<>();
        long[] count = {0};
        Map<Integer, List<Signed>> signed = new TreeMap<>();
        // The checkpoints first, then the streams' heads, then the receipts below those heads: while decisions go on,
        // everything read later is at least as new as what was read before it, so nothing newer than a head is
        // mistaken for a problem.
        for (int i = 0; i < supplied.size(); i++) {
            accept(supplied.get(i), "the checkpoint supplied (" + (i + 1) + ")", signed, problems, count);
        }
        for (Map.Entry<String, String> file : checkpointFiles().entrySet()) {
            accept(file.getValue(), "the checkpoint file " + file.getKey(), signed, problems, count);
        }
        for (String note : streams.keptAll()) {
            accept(note, "the checkpoints kept in the database", signed, problems, count);
        }
        Map<Integer, LogStreams.Stream> listed = new TreeMap<>();
        for (LogStreams.Stream stream : streams.streams()) {
            listed.put(stream.stream(), stream);
            if (stream.checkpoint() != null) {
                accept(stream.checkpoint(), "the stream's latest checkpoint in the database", signed, problems, count);
            }
        }
        TreeSet<Integer> all = new TreeSet<>(listed.keySet());
        all.addAll(streams.streamsWithReceipts());
        all.addAll(signed.keySet());
        List<StreamReport> reports = new ArrayList<>();
        long verified = 0;
        for (int stream : all) {
            long before = count[0];
            StreamReport report = verifyStream(stream, listed.get(stream), signed.getOrDefault(stream, List.of()),
                    problems, count, before);
            reports.add(report);
            verified += report.receipts();
        }
        return new Verification(count[0] == 0, verified, reports, count[0], problems,
                problems.isEmpty() ? null : problems.get(0));
    }

    private StreamReport verifyStream(int stream, LogStreams.Stream row, List<Signed> checkpoints, List<Problem> problems,
                                      long[] count, long before) {
        if (row == null) {
            add(problems, count, new Problem(stream, null, null, "unknown-stream", "receipts or checkpoints of stream "
                    + stream + " are there, but the database lists no such stream"));
        }
        TreeMap<Long, List<Signed>> bySize = new TreeMap<>();
        checkpoints.forEach(c -> bySize.computeIfAbsent(c.checkpoint().treeSize(), s -> new ArrayList<>()).add(c));
        MerkleTree.Frontier[] tree = {MerkleTree.Frontier.empty()};
        long[] expected = {0};
        long[] walked = {0};
        compareAt(stream, tree[0], bySize, problems, count);
        long below = row == null ? Long.MAX_VALUE : row.treeSize();
        receipts.forEachInStream(stream, below, receipt -> {
            gap(stream, expected, receipt.leafIndex(), problems, count);
            if (!receipt.computeDigest().equals(receipt.digest())) {
                add(problems, count, new Problem(stream, receipt.leafIndex(), receipt.decisionId(), "altered",
                        "its content no longer matches its digest"));
            }
            tree[0] = tree[0].append(List.of(MerkleTree.leafHash(receipt.digest())));
            walked[0]++;
            compareAt(stream, tree[0], bySize, problems, count);
        }, (leafIndex, decisionId, digest, reason) -> {
            gap(stream, expected, leafIndex, problems, count);
            add(problems, count, new Problem(stream, leafIndex, decisionId, "altered",
                    "its stored content no longer reads: " + reason));
            tree[0] = tree[0].append(List.of(MerkleTree.leafHash(digest)));
            walked[0]++;
            compareAt(stream, tree[0], bySize, problems, count);
        });
        for (List<Signed> beyond : bySize.tailMap(tree[0].size(), false).values()) {
            for (Signed s : beyond) {
                add(problems, count, new Problem(stream, null, null, "truncated", s.source() + " (signed) covers "
                        + s.checkpoint().treeSize() + " receipts of stream " + stream + ", but the stream holds "
                        + tree[0].size() + ": receipts were removed from its end"));
            }
        }
        String root = HexFormat.of().formatHex(tree[0].root());
        if (row != null && (row.treeSize() != tree[0].size() || (row.root() != null && !row.root().equals(root)))) {
            add(problems, count, new Problem(stream, null, null, "head-mismatch", "the database says stream " + stream
                    + " holds " + row.treeSize() + " receipts with root " + row.root() + ", but its receipts make "
                    + tree[0].size() + " with root " + root));
        }
        return new StreamReport(stream, walked[0], tree[0].size(), root, checkpoints.size(), count[0] - before);
    }

    /** Receipts should come at every leaf index from 0: report the ones skipped. */
    private static void gap(int stream, long[] expected, long found, List<Problem> problems, long[] count) {
        if (found != expected[0]) {
            add(problems, count, new Problem(stream, expected[0], null, "missing", found - expected[0] == 1
                    ? "leaf " + expected[0] + " of stream " + stream + " is missing"
                    : "leaves " + expected[0] + " to " + (found - 1) + " of stream " + stream + " are missing"));
        }
        expected[0] = found + 1;
    }

    /** Compares the tree so far with the signed checkpoints of its size. */
    private static void compareAt(int stream, MerkleTree.Frontier tree, TreeMap<Long, List<Signed>> bySize,
                                  List<Problem> problems, long[] count) {
        List<Signed> at = bySize.get(tree.size());
        if (at == null) {
            return;
        }
        byte[] root = tree.root();
        for (Signed s : at) {
            if (!Arrays.equals(root, s.checkpoint().root())) {
                add(problems, count, new Problem(stream, null, null, "rewritten", "the first " + tree.size()
                        + " receipts of stream " + stream + " no longer hash to the root signed in " + s.source()
                        + ": a receipt among them was changed, removed or put in"));
            }
        }
    }

    private void accept(String note, String source, Map<Integer, List<Signed>> signed, List<Problem> problems,
                        long[] count) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(note);
        } catch (IllegalArgumentException e) {
            add(problems, count, new Problem(0, null, null, "checkpoint-invalid", source + " does not read: "
                    + e.getMessage()));
            return;
        }
        if (!signedByLog(checkpoint)) {
            add(problems, count, new Problem(Math.max(checkpoint.stream(), 0), null, null, "checkpoint-invalid", source
                    + " (" + checkpoint.origin() + ", " + checkpoint.treeSize() + " receipts) is not signed by the "
                    + "log's key"));
            return;
        }
        if (checkpoint.stream() < 0) {
            add(problems, count, new Problem(0, null, null, "checkpoint-invalid", source + " names no stream of this "
                    + "log: " + checkpoint.origin()));
            return;
        }
        signed.computeIfAbsent(checkpoint.stream(), s -> new ArrayList<>()).add(new Signed(checkpoint, source));
    }

    private boolean signedByLog(Checkpoint checkpoint) {
        if (!checkpoint.origin().startsWith(key.name() + "/stream/")) {
            return false;
        }
        if (key.verify(checkpoint)) {
            return true;
        }
        return trustedKeys.stream().anyMatch(trusted -> {
            try {
                return LogKey.verify(trusted, checkpoint);
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    private Map<String, String> checkpointFiles() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(checkpointDirectory)) {
            return files;
        }
        try (Stream<Path> listed = Files.list(checkpointDirectory)) {
            for (Path file : listed.filter(p -> p.getFileName().toString().endsWith(".checkpoint")).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            files.put(checkpointDirectory.toString(), "unreadable: " + e.getMessage());
        }
        return files;
    }

    private static void add(List<Problem> problems, long[] count, Problem problem) {
        count[0]++;
        if (problems.size() < MOST_LISTED) {
            problems.add(problem);
        }
    }
}
