package org.reglament.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
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
 * thread takes every receipt waiting, writes them in one transaction (group commit) and only then lets their
 * answers go: a decision that got an answer is in the log.
 */
@Component
public class DecisionLog implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int BATCH = 512;

    private final ReceiptRepository receipts;
    private final ReceiptTexts texts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long commitTimeoutMs;
    private final long lingerNanos;
    private final Timer commits;
    private final DistributionSummary batches;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;
    private long lastSeq;
    private int lastBatch;
    private String lastChain;

    public DecisionLog(ReceiptRepository receipts, ReceiptTexts texts, TransactionTemplate transactions,
                       @Value("${reglament.audit.log.commit-timeout-ms}") long commitTimeoutMs,
                       @Value("${reglament.audit.log.linger-ms:0}") long lingerMs, MeterRegistry metrics) {
        this.receipts = receipts;
        this.texts = texts;
        this.transactions = transactions;
        this.clock = Clock.systemUTC();
        this.commitTimeoutMs = commitTimeoutMs;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        // What an operator watches to see whether the log keeps up: how long a group commit takes, how many it holds.
        this.commits = Timer.builder("reglament.decision.log.commit").description("Time to write one group of receipts")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.batches = DistributionSummary.builder("reglament.decision.log.batch")
                .description("Receipts written in one group commit").publishPercentiles(0.5, 0.99).register(metrics);
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
                // held more than one) the writer lingers up to lingerMs for the receipts already on their way. A
                // receipt that comes alone is written at once.
                long until = System.nanoTime() + (lastBatch > 1 ? lingerNanos : 0);
                while (batch.size() < BATCH) {
                    queue.drainTo(batch, BATCH - batch.size());
                    long left = until - System.nanoTime();
                    if (left <= 0 || batch.size() >= BATCH) {
                        break;
                    }
                    Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                write(batch);
                lastBatch = batch.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Could not write {} receipts; their answers fail", batch.size(), e);
                batch.forEach(p -> p.written().completeExceptionally(e));
                reloadHead();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<ReceiptRepository.Row> rows = new ArrayList<>(batch.size());
        Set<ReceiptTexts.Dictionary> dictionaries = new LinkedHashSet<>();
        long seq = lastSeq;
        String chain = lastChain;
        for (Pending pending : batch) {
            chain = Receipt.chain(chain, pending.digest());
            rows.add(new ReceiptRepository.Row(++seq, chain, pending.draft(), pending.answeredAt(),
                    pending.storedRequest(), pending.storedAnswer().text(), pending.digest()));
            if (pending.storedAnswer().dictionary() != null && !pending.storedAnswer().dictionary().stored) {
                dictionaries.add(pending.storedAnswer().dictionary());
            }
        }
        commits.record(() -> transactions.executeWithoutResult(status -> {
            texts.storeDictionaries(dictionaries);
            receipts.append(rows);
        }));
        texts.dictionariesStored(dictionaries);
        batches.record(batch.size());
        lastSeq = seq;
        lastChain = chain;
        batch.forEach(pending -> pending.written().complete(null));
    }

    private void reloadHead() {
        ReceiptRepository.Head head = receipts.head();
        lastSeq = head.seq();
        lastChain = head.chain();
    }

    @Override
    public void start() {
        reloadHead();
        running = true;
        writer = new Thread(this::writeLoop, "decision-log-writer");
        writer.setDaemon(true);
        writer.start();
        log.info("Decision log open at receipt {}", lastSeq);
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(commitTimeoutMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Not able to keep the receipt: the decision is not answered (503), so nothing answered goes unrecorded. */
    public static class LogUnavailableException extends RuntimeException {
        public LogUnavailableException(String message) {
            super(message);
        }
    }
}
