package org.reglament.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only decision log. Each replica writes a stream of its own ({@link LogStreams}), a Merkle tree
 * ({@link MerkleTree}) whose tree heads it signs ({@link LogCheckpoints}). One writer thread takes every receipt
 * waiting, gives each the next leaf of the stream, makes them durable together (group commit) and only then lets
 * their answers go, each with its place in the log and the latest signed checkpoint: a decision that got an answer is
 * in the log. Durable means committed to the database (moving the stream's head in the same transaction, fenced by
 * the stream's lease), or, with the {@link DecisionJournal} (on by default with the embedded H2), appended to the
 * journal, from which a second thread brings the database up to date in large transactions. Auditors' reads first
 * wait for that ({@link #awaitStored()}), so nothing answered is missing from what they see.
 */
@Component
public class DecisionLog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 512;
    /**
     * Receipts waiting in memory for the database, at most (a few hundred MB): past this the database is failing,
     * and decisions are refused (503) rather than the service running out of memory. The journal keeps them all.
     */
    private static final long MOST_BEHIND = 50_000;
    /**
     * Stops after the web server (whose graceful shutdown has the phase {@code DEFAULT_PHASE - 1024}) has answered the
     * requests in flight, so that their receipts are written before the log closes.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final ReceiptRepository receipts;
    private final ReceiptTexts texts;
    private final LogStreams streams;
    private final TransactionTemplate transactions;
    private final DecisionJournal journal;
    /** Null without the journal: each group is then committed to the database before its answers go. */
    private final JournalCatchUp catchUp;
    private final LogCheckpoints checkpoints;
    private final java.nio.file.Path checkpointDirectory;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final long commitTimeoutMs;
    private final long lingerNanos;
    private final long commitIntervalNanos;
    private final String instanceName;
    private final int leaseSeconds;
    /** The embedded database is locked to this process: the journal's stream is taken whatever its lease says. */
    private final boolean embedded;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;
    private Thread heartbeat;
    private volatile LogStreams.Lease lease;
    /** The stream's tree as durable: written by the writer only, read by the checkpoints and the metrics. */
    private volatile MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
    /** Set when another process took the stream over: the writer opens a stream again before it writes. */
    private volatile boolean leaseLost;
    private int lastBatch;
    /** When the writer began its last commit (System.nanoTime). */
    private long lastCommit = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    private Timer commits;
    private DistributionSummary batches;

    public DecisionLog(ReceiptRepository receipts, ReceiptTexts texts, LogStreams streams,
                       TransactionTemplate transactions, DecisionJournal journal, LogKey key, MeterRegistry metrics,
                       @Value("${reglament.audit.log.commit-timeout-ms}") long commitTimeoutMs,
                       @Value("${reglament.audit.log.linger-ms:0}") long lingerMs,
                       @Value("${reglament.audit.log.commit-interval-ms:0}") long commitIntervalMs,
                       @Value("${reglament.instance-name:${HOSTNAME:local}}") String instanceName,
                       @Value("${reglament.audit.log.lease-seconds:15}") int leaseSeconds,
                       @Value("${reglament.audit.log.origin:reglament.local/decision-log}") String origin,
                       @Value("${reglament.audit.log.checkpoint-interval-ms:1000}") long checkpointIntervalMs,
                       @Value("${reglament.audit.log.checkpoint-keep-seconds:60}") long checkpointKeepSeconds,
                       @Value("${reglament.audit.log.checkpoint-directory:${reglament.data-directory}/checkpoints}")
                       java.nio.file.Path checkpointDirectory,
                       @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.receipts = receipts;
        this.texts = texts;
        this.streams = streams;
        this.transactions = transactions;
        this.journal = journal;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
        this.commitTimeoutMs = commitTimeoutMs;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.commitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(commitIntervalMs);
        this.instanceName = instanceName;
        this.leaseSeconds = leaseSeconds;
        this.embedded = datasourceUrl.startsWith("jdbc:h2:");
        this.catchUp = journal.enabled() ? new JournalCatchUp(journal, receipts, streams, transactions, metrics) : null;
        // Checkpoints sign the tree as the database holds it, so that a checkpoint never covers a receipt that an
        // auditor's read of the database could not yet find.
        this.checkpointDirectory = checkpointDirectory;
        this.checkpoints = new LogCheckpoints(key, origin, streams, () -> lease,
                () -> catchUp != null ? catchUp.storedTree() : tree, checkpointIntervalMs,
                checkpointKeepSeconds, checkpointDirectory);
    }

    /**
     * A receipt before the log gives it a place: what was asked (canonical JSON) and answered (canonical JSON, UTF-8,
     * byte for byte what the caller gets), by whom.
     */
    public record Draft(String decisionId, String decision, String registryId, java.time.LocalDate asOf, String actId,
                        String edition, String knowledgeBaseVersion, String caller, String request, byte[] answer) {
    }

    /**
     * Where a receipt stands in the log once durable: its stream, its leaf there, its digest, and the latest checkpoint
     * the stream had signed when its answer went (it may not cover the receipt yet; the next one will, within the
     * checkpoint interval).
     */
    public record Position(int stream, long leafIndex, String digest, Checkpoint checkpoint) {
    }

    /** A receipt sealed but for its place in the log, with its texts already in their stored form. */
    private record Pending(Draft draft, String answeredAt, String digest, String storedRequest,
                           ReceiptTexts.StoredAnswer storedAnswer, CompletableFuture<Position> written) {
    }

    /**
     * Records a receipt and returns its place once it is durable.
     *
     * @throws LogUnavailableException when it could not be written in time: the answer must not be given
     */
    public Position append(Draft draft) {
        if (!running) {
            throw new LogUnavailableException("the decision log is not running");
        }
        if (behind() > MOST_BEHIND) {
            throw new LogUnavailableException("the database is " + behind() + " receipts behind the journal");
        }
        // The time an answer was given is the one wall-clock value Reglament keeps, and only here.
        String answeredAt = INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        // Digest and compression on the caller's thread, in parallel; the one writer only places and inserts.
        String digest = Receipt.digest(draft.decisionId(), draft.decision(), draft.registryId(), draft.asOf(),
                draft.actId(), draft.edition(), draft.knowledgeBaseVersion(), answeredAt, draft.caller(),
                Digests.utf8(draft.request()), draft.answer());
        // Answers of one decision under one knowledge-base version and edition cite the same clauses.
        String kind = String.join(" ", draft.decision(), draft.knowledgeBaseVersion(), draft.actId(), draft.edition());
        Pending pending = new Pending(draft, answeredAt, digest, texts.storeRequest(draft.request()),
                texts.storeAnswer(kind, draft.answer()), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.written().get(commitTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while the receipt was written");
        } catch (ExecutionException | TimeoutException e) {
            throw new LogUnavailableException("the receipt could not be written: " + e.getMessage());
        }
    }

    private void writeLoop() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Group commit: a commit costs much the same for one receipt or ten, so under load (the last group
                // held more than one) the writer lingers lingerMs for the receipts already on their way, asleep: were
                // it waiting on the queue, each of them would wake it (a futex call on the request thread each). A
                // receipt that comes alone is written at once, unless commit-interval-ms is set: then the writer never
                // begins a commit sooner than that after it began the last one, whatever the last group held, so a
                // replica commits at most 1000 / interval times a second however small its share of the load. With
                // the linger alone, three replicas each committed groups a third as large as one replica did, and the
                // database took 2.4 times the commits for the same receipts (docs/benchmarks.md, "Throughput with
                // one, two and three replicas"). Bounded only while groups held more than one, a replica whose
                // receipts each came alone (a busy machine's slow clients) committed 54 times in 1.5 s at 250 ms.
                long earliest = lastCommit + commitIntervalNanos;
                if (lastBatch > 1) {
                    earliest = Math.max(earliest, System.nanoTime() + lingerNanos);
                }
                // parkNanos may return early; the interval is a bound, so the writer sleeps again until it has passed.
                for (long wait = earliest - System.nanoTime(); wait > 0; wait = earliest - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                queue.drainTo(batch, BATCH - batch.size());
                if (leaseLost) {
                    reopen();
                }
                lastCommit = System.nanoTime();
                write(batch);
                lastBatch = batch.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not write {} receipts; their answers fail", batch.size(), e);
                batch.forEach(p -> p.written().completeExceptionally(e));
                if (e instanceof LogStreams.LeaseLost) {
                    leaseLost = true;
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        LogStreams.Lease current = lease;
        MerkleTree.Frontier before = tree;
        List<ReceiptRepository.Row> rows = new ArrayList<>(batch.size());
        List<byte[]> leaves = new ArrayList<>(batch.size());
        Set<ReceiptTexts.Dictionary> dictionaries = new LinkedHashSet<>();
        long leaf = before.size();
        for (Pending pending : batch) {
            Draft d = pending.draft();
            rows.add(new ReceiptRepository.Row(current.stream(), leaf++, d.decisionId(), d.decision(), d.registryId(),
                    d.asOf(), d.actId(), d.edition(), d.knowledgeBaseVersion(), pending.answeredAt(), d.caller(),
                    pending.storedRequest(), pending.storedAnswer().text(), pending.digest()));
            leaves.add(MerkleTree.leafHash(pending.digest()));
            if (pending.storedAnswer().dictionary() != null && !pending.storedAnswer().dictionary().stored) {
                dictionaries.add(pending.storedAnswer().dictionary());
            }
        }
        MerkleTree.Frontier after = before.append(leaves);
        Map<String, byte[]> newDictionaries = new LinkedHashMap<>();
        dictionaries.forEach(dictionary -> newDictionaries.put(dictionary.id, dictionary.content));
        ReceiptGroup group = new ReceiptGroup(current.stream(), rows, newDictionaries,
                HexFormat.of().formatHex(after.root()));
        if (catchUp != null) {
            commits.record(() -> journal.append(group));
            catchUp.add(group);
        } else {
            commits.record(() -> transactions.executeWithoutResult(status -> {
                receipts.append(List.of(group));
                streams.advance(current, before.size(), after);
            }));
        }
        texts.dictionariesStored(dictionaries);
        batches.record(batch.size());
        tree = after;
        Checkpoint checkpoint = checkpoints.latest();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written().complete(new Position(current.stream(), rows.get(i).leafIndex(),
                    batch.get(i).digest(), checkpoint));
        }
    }

    /**
     * Returns once the database holds every receipt answered so far: at once without the journal, or when the
     * database has caught up with it. Auditors' reads call it first.
     *
     * @throws LogBehindException when the database does not catch up in time (it is failing)
     */
    public void awaitStored() {
        if (catchUp != null) {
            catchUp.awaitStored(tree.size(), commitTimeoutMs);
        }
    }

    /** The stream this replica writes, and the latest checkpoint it signed (null before the log opened). */
    public Checkpoint latestCheckpoint() {
        return checkpoints.latest();
    }

    /** Where this replica writes its stream's checkpoint file (resolved once: it may hold a random part). */
    public java.nio.file.Path checkpointDirectory() {
        return checkpointDirectory;
    }

    public int stream() {
        LogStreams.Lease current = lease;
        return current == null ? 0 : current.stream();
    }

    /** Receipts answered but not yet in the database (only ever more than 0 with the journal). */
    private long behind() {
        return catchUp == null ? 0 : tree.size() - catchUp.storedSize();
    }

    /** The stream's tree as the database holds it (computed once from the leaves for a log migrated from a chain). */
    private MerkleTree.Frontier storedTree(int stream) {
        LogStreams.Stream row = streams.stream(stream).orElseThrow();
        if (row.root() != null) {
            return MerkleTree.Frontier.decode(row.treeSize(), row.frontier());
        }
        MerkleTree.Frontier computed = MerkleTree.Frontier.empty().append(receipts.leafHashes(stream, row.treeSize()));
        streams.computed(stream, computed);
        log.info("Computed the Merkle tree of stream {} ({} receipts written before the log had trees)", stream,
                computed.size());
        return computed;
    }

    /**
     * After a failed write whose lease is in doubt: continue the same stream from the database if it is still this
     * process's, else take another.
     */
    private void reopen() {
        LogStreams.Lease current = lease;
        if (!streams.renew(current, leaseSeconds)) {
            LogStreams.Lease taken = streams.claim(instanceName, leaseSeconds);
            log.warn("Stream {} was taken over by another process; writing stream {} from now on", current.stream(),
                    taken.stream());
            current = taken;
        }
        tree = storedTree(current.stream());
        lease = current;
        meters(current.stream());
        checkpoints.opened();
        leaseLost = false;
    }

    /** The log's own meters, tagged by the stream this replica writes. */
    private void meters(int stream) {
        String tag = Integer.toString(stream);
        // What an operator watches to see whether the log keeps up: how long a group commit takes, how many it holds.
        this.commits = Timer.builder("reglament.decision.log.commit").description("Time to write one group of receipts")
                .tag("stream", tag).publishPercentiles(0.5, 0.99).register(metrics);
        this.batches = DistributionSummary.builder("reglament.decision.log.batch").tag("stream", tag)
                .description("Receipts written in one group commit").publishPercentiles(0.5, 0.99).register(metrics);
        // A stream this replica no longer writes reads NaN rather than another stream's figures.
        Gauge.builder("reglament.decision.log.behind", this, l -> l.stream() == stream ? l.behind() : Double.NaN)
                .tag("stream", tag).description("Receipts answered and journaled but not yet in the database")
                .register(metrics);
        Gauge.builder("reglament.decision.log.tree.size", this, l -> l.stream() == stream ? l.tree.size() : Double.NaN)
                .tag("stream", tag).description("Receipts in the stream this replica writes").register(metrics);
    }

    @Override
    public void start() {
        LogStreams.Lease taken = null;
        if (catchUp != null) {
            taken = catchUp.recover(stream -> streams.claimJournaled(stream, instanceName, leaseSeconds, embedded));
        }
        if (taken == null) {
            taken = streams.claim(instanceName, leaseSeconds);
        }
        MerkleTree.Frontier stored = storedTree(taken.stream());
        tree = stored;
        lease = taken;
        meters(taken.stream());
        if (catchUp != null) {
            journal.open(taken.stream(), stored.size());
            catchUp.start(taken, stored);
        }
        checkpoints.start();
        running = true;
        writer = new Thread(this::writeLoop, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
        heartbeat = new Thread(this::renewLoop, "decision-log-lease");
        heartbeat.setDaemon(true);
        heartbeat.start();
        log.info("Decision log open: stream {} at {} receipts, held by {}{}", taken.stream(), stored.size(), instanceName,
                catchUp != null ? ", journal in " + journal.directory() : "");
    }

    /** Renews the stream's lease a few times per lease, so a pause or a slow database does not lose it. */
    private void renewLoop() {
        long every = TimeUnit.SECONDS.toMillis(leaseSeconds) / 3;
        while (running) {
            try {
                Thread.sleep(every);
                if (running && !leaseLost && !streams.renew(lease, leaseSeconds)) {
                    log.error("The lease on stream {} was taken over by another process", lease.stream());
                    leaseLost = true;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not renew the lease on stream {}: {}", lease.stream(), e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        join(writer, commitTimeoutMs);
        if (heartbeat != null) {
            heartbeat.interrupt();
        }
        if (catchUp != null) {
            catchUp.stop(commitTimeoutMs);
            journal.close();
            if (catchUp.storedSize() == tree.size()) {
                journal.releaseAll();
            }
        }
        checkpoints.stop();
        if (catchUp == null || catchUp.storedSize() == tree.size()) {
            try {
                streams.release(lease);
            } catch (RuntimeException e) {
                log.warn("Could not let go of stream {}: its lease runs out by itself", lease.stream(), e);
            }
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    static void join(Thread thread, long timeoutMs) {
        if (thread != null) {
            try {
                thread.join(timeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The database has not caught up with the journal in time: an auditor's read is not answered (503). */
    public static class LogBehindException extends RuntimeException {
        public LogBehindException(String message) {
            super(message);
        }
    }

    /** Not able to keep the receipt: the decision is not answered (503), so nothing answered goes unrecorded. */
    public static class LogUnavailableException extends RuntimeException {
        public LogUnavailableException(String message) {
            super(message);
        }
    }
}
