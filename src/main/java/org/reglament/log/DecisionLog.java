package org.reglament.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The append-only decision log. Receipts are chained by hash in the order they are written; one writer
 * thread takes every receipt waiting, makes them durable together (group commit) and only then lets their
 * answers go: a decision that got an answer is in the log. Durable means committed to the database, or, with the
 * {@link DecisionJournal} (on by default with the embedded H2), appended to the journal, from which a second
 * thread brings the database up to date in large transactions. Auditors' reads first wait for that
 * ({@link #awaitStored()}), so nothing answered is missing from what they see.
 */
@Component
public class DecisionLog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 512;
    /**
     * Receipts waiting in memory for the database, at most (a few hundred MB): past this the database is failing,
     * and decisions are refused (503) rather than the service running out of memory. The journal keeps them all.
     */
    private static final long MOST_BEHIND = 50_000;

    private final ReceiptRepository receipts;
    private final ReceiptTexts texts;
    private final TransactionTemplate transactions;
    private final DecisionJournal journal;
    /** Null without the journal: each group is then committed to the database before its answers go. */
    private final JournalCatchUp catchUp;
    private final Clock clock;
    private final long commitTimeoutMs;
    private final long lingerNanos;
    private final Timer commits;
    private final DistributionSummary batches;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;
    /** The last receipt made durable; written by the writer only, read by audit reads and the metrics. */
    private volatile long lastSeq;
    private int lastBatch;
    private String lastChain;

    public DecisionLog(ReceiptRepository receipts, ReceiptTexts texts, TransactionTemplate transactions,
                       DecisionJournal journal, @Value("${reglament.audit.log.commit-timeout-ms}") long commitTimeoutMs,
                       @Value("${reglament.audit.log.linger-ms:0}") long lingerMs, MeterRegistry metrics) {
        this.receipts = receipts;
        this.texts = texts;
        this.transactions = transactions;
        this.journal = journal;
        this.clock = Clock.systemUTC();
        this.commitTimeoutMs = commitTimeoutMs;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        // What an operator watches to see whether the log keeps up: how long a group commit takes, how many it holds.
        this.commits = Timer.builder("reglament.decision.log.commit").description("Time to write one group of receipts")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.batches = DistributionSummary.builder("reglament.decision.log.batch")
                .description("Receipts written in one group commit").publishPercentiles(0.5, 0.99).register(metrics);
        this.catchUp = journal.enabled() ? new JournalCatchUp(journal, receipts, transactions, metrics) : null;
        Gauge.builder("reglament.decision.log.behind", this, DecisionLog::behind)
                .description("Receipts answered and journaled but not yet in the database").register(metrics);
    }

    /**
     * A receipt before the log gives it a place: what was asked (canonical JSON) and answered (canonical JSON, UTF-8,
     * byte for byte what the caller gets), by whom.
     */
    public record Draft(String decisionId, String decision, String registryId, java.time.LocalDate asOf, String actId,
                        String edition, String knowledgeBaseVersion, String caller, String request, byte[] answer) {
    }

    /** A receipt sealed but for its place in the chain, with its texts already in their stored form. */
    private record Pending(Draft draft, String answeredAt, String digest, String storedRequest,
                           ReceiptTexts.StoredAnswer storedAnswer, CompletableFuture<Void> written) {
    }

    /**
     * Records a receipt and returns its digest once it is durable.
     *
     * @throws LogUnavailableException when it could not be written in time: the answer must not be given
     */
    public String append(Draft draft) {
        if (!running) {
            throw new LogUnavailableException("the decision log is not running");
        }
        if (behind() > MOST_BEHIND) {
            throw new LogUnavailableException("the database is " + behind() + " receipts behind the journal");
        }
        // The time an answer was given is the one wall-clock value Reglament keeps, and only here.
        String answeredAt = INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        // Digest and compression on the caller's thread, in parallel; the one writer only chains and inserts.
        String digest = Receipt.digest(draft.decisionId(), draft.decision(), draft.registryId(), draft.asOf(),
                draft.actId(), draft.edition(), draft.knowledgeBaseVersion(), answeredAt, draft.caller(),
                Digests.utf8(draft.request()), draft.answer());
        // Answers of one decision under one knowledge-base version and edition cite the same clauses.
        String kind = String.join(" ", draft.decision(), draft.knowledgeBaseVersion(), draft.actId(), draft.edition());
        Pending pending = new Pending(draft, answeredAt, digest, texts.storeRequest(draft.request()),
                texts.storeAnswer(kind, draft.answer()), new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get(commitTimeoutMs, TimeUnit.MILLISECONDS);
            return digest;
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
                // receipt that comes alone is written at once.
                if (lastBatch > 1 && lingerNanos > 0) {
                    LockSupport.parkNanos(lingerNanos);
                }
                queue.drainTo(batch, BATCH - batch.size());
                write(batch);
                lastBatch = batch.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not write {} receipts; their answers fail", batch.size(), e);
                batch.forEach(p -> p.written().completeExceptionally(e));
                if (catchUp == null) {
                    reloadHead();
                }
            }
        }
    }

    private void write(List<Pending> batch) {
        List<ReceiptRepository.Row> rows = new ArrayList<>(batch.size());
        Set<ReceiptTexts.Dictionary> dictionaries = new LinkedHashSet<>();
        long seq = lastSeq;
        String chain = lastChain;
        for (Pending pending : batch) {
            Draft d = pending.draft();
            chain = Receipt.chain(chain, pending.digest());
            rows.add(new ReceiptRepository.Row(++seq, chain, d.decisionId(), d.decision(), d.registryId(), d.asOf(),
                    d.actId(), d.edition(), d.knowledgeBaseVersion(), pending.answeredAt(), d.caller(),
                    pending.storedRequest(), pending.storedAnswer().text(), pending.digest()));
            if (pending.storedAnswer().dictionary() != null && !pending.storedAnswer().dictionary().stored) {
                dictionaries.add(pending.storedAnswer().dictionary());
            }
        }
        Map<String, byte[]> newDictionaries = new LinkedHashMap<>();
        dictionaries.forEach(dictionary -> newDictionaries.put(dictionary.id, dictionary.content));
        ReceiptGroup group = new ReceiptGroup(rows, newDictionaries);
        if (catchUp != null) {
            commits.record(() -> journal.append(group));
            catchUp.add(group);
        } else {
            commits.record(() -> transactions.executeWithoutResult(status -> receipts.append(List.of(group))));
        }
        texts.dictionariesStored(dictionaries);
        batches.record(batch.size());
        lastSeq = seq;
        lastChain = chain;
        batch.forEach(pending -> pending.written().complete(null));
    }

    /**
     * Returns once the database holds every receipt answered so far: at once without the journal, or when the
     * database has caught up with it. Auditors' reads call it first.
     *
     * @throws LogBehindException when the database does not catch up in time (it is failing)
     */
    public void awaitStored() {
        if (catchUp != null) {
            catchUp.awaitStored(lastSeq, commitTimeoutMs);
        }
    }

    /** Receipts answered but not yet in the database (only ever more than 0 with the journal). */
    private long behind() {
        return catchUp == null ? 0 : lastSeq - catchUp.storedSeq();
    }

    private void reloadHead() {
        ReceiptRepository.Head head = receipts.head();
        lastSeq = head.seq();
        lastChain = head.chain();
    }

    @Override
    public void start() {
        reloadHead();
        if (catchUp != null) {
            ReceiptRepository.Head head = catchUp.recover(new ReceiptRepository.Head(lastSeq, lastChain));
            lastSeq = head.seq();
            lastChain = head.chain();
            journal.open(lastSeq + 1);
            catchUp.start(lastSeq);
        }
        running = true;
        writer = new Thread(this::writeLoop, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
        log.info("Decision log open at receipt {}{}", lastSeq,
                catchUp != null ? ", journal in " + journal.directory() : "");
    }

    @Override
    public void stop() {
        running = false;
        join(writer, commitTimeoutMs);
        if (catchUp != null) {
            catchUp.stop(commitTimeoutMs);
            journal.close();
            if (catchUp.storedSeq() == lastSeq) {
                journal.releaseAll();
            }
        }
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
