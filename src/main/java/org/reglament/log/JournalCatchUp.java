package org.reglament.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the database up to date with the {@link DecisionJournal}: at start, with whatever the journal holds beyond
 * the database's head; then, on its own thread, with each group the writer journals, many groups per transaction.
 * A group leaves the journal only once the database has it.
 */
final class JournalCatchUp {
    private static final Logger log = LoggerFactory.getLogger(JournalCatchUp.class);
    /** The database takes up to this many receipts per transaction... */
    private static final int BATCH = 2048;
    /** ...gathered for up to this long, unless an auditor's read is waiting for them. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final DecisionJournal journal;
    private final ReceiptRepository receipts;
    private final TransactionTemplate transactions;
    private final Timer transactionTimes;
    /** Journaled groups on their way to the database, and the marks of reads waiting for them. */
    private final BlockingQueue<Object> behind = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile long storedSeq;
    private Thread thread;

    JournalCatchUp(DecisionJournal journal, ReceiptRepository receipts, TransactionTemplate transactions,
                   MeterRegistry metrics) {
        this.journal = journal;
        this.receipts = receipts;
        this.transactions = transactions;
        this.transactionTimes = Timer.builder("reglament.decision.log.catch-up")
                .description("Time to write one transaction of journaled receipts into the database").register(metrics);
    }

    /** A read waiting until the database holds every receipt journaled before it asked. */
    private record Mark(CompletableFuture<Void> reached) {
    }

    /**
     * Writes into the database what the journal holds beyond the database's head, checking that it continues the
     * chain, and empties the journal. A journal that does not continue the database's chain is not the one written
     * with it: the log does not open, rather than fork or drop receipts.
     *
     * @return the head after the receipts recovered
     */
    ReceiptRepository.Head recover(ReceiptRepository.Head database) {
        List<ReceiptGroup> pending = new ArrayList<>();
        long[] seq = {database.seq()};
        String[] chain = {database.chain()};
        long[] recovered = {0};
        journal.recover(group -> {
            List<ReceiptRepository.Row> beyond = new ArrayList<>();
            for (ReceiptRepository.Row row : group.rows()) {
                if (row.seq() < database.seq()) {
                    continue;
                }
                if (row.seq() == database.seq()) {
                    if (!row.chain().equals(database.chain())) {
                        throw new DecisionJournal.Damaged("the journal in " + journal.directory() + " holds receipt "
                                + row.seq() + " with another chain value than the database: not this log's journal");
                    }
                    continue;
                }
                if (row.seq() != seq[0] + 1 || !row.chain().equals(Receipt.chain(chain[0], row.digest()))) {
                    throw new DecisionJournal.Damaged("the journal in " + journal.directory() + " does not continue the "
                            + "decision log after receipt " + seq[0] + " (it goes on at " + row.seq() + ")");
                }
                beyond.add(row);
                seq[0] = row.seq();
                chain[0] = row.chain();
            }
            if (!beyond.isEmpty()) {
                pending.add(new ReceiptGroup(beyond, group.dictionaries()));
                recovered[0] += beyond.size();
            }
            if (pending.stream().mapToInt(g -> g.rows().size()).sum() >= BATCH) {
                transactions.executeWithoutResult(status -> receipts.append(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            transactions.executeWithoutResult(status -> receipts.append(pending));
        }
        journal.releaseAll();
        if (recovered[0] > 0) {
            log.warn("Wrote {} receipts from the journal into the database (the service had stopped before it "
                    + "caught up)", recovered[0]);
        }
        return new ReceiptRepository.Head(seq[0], chain[0]);
    }

    /** @param storedSeq the last receipt the database holds */
    void start(long storedSeq) {
        this.storedSeq = storedSeq;
        running = true;
        thread = new Thread(this::catchUpLoop, "decision-log-catch-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes what is still on its way, then stops; what the database did not take stays in the journal. */
    void stop(long timeoutMs) {
        running = false;
        DecisionLog.join(thread, timeoutMs);
    }

    /** A group the writer journaled, in chain order. */
    void add(ReceiptGroup group) {
        behind.add(group);
    }

    long storedSeq() {
        return storedSeq;
    }

    /** Returns once the database holds receipt {@code seq}. */
    void awaitStored(long seq, long timeoutMs) {
        if (storedSeq >= seq) {
            return;
        }
        Mark mark = new Mark(new CompletableFuture<>());
        behind.add(mark);
        try {
            mark.reached().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionLog.LogBehindException("interrupted while the database caught up with the journal");
        } catch (ExecutionException | TimeoutException e) {
            throw new DecisionLog.LogBehindException("the database has not caught up with the journal: " + e.getMessage());
        }
    }

    private void catchUpLoop() {
        List<ReceiptGroup> groups = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        while (running || !behind.isEmpty() || !groups.isEmpty()) {
            try {
                gather(groups, marks);
                if (!groups.isEmpty()) {
                    long last = groups.get(groups.size() - 1).lastSeq();
                    transactionTimes.record(() -> transactions.executeWithoutResult(status -> receipts.append(groups)));
                    groups.clear();
                    storedSeq = last;
                    journal.release(last);
                }
                marks.forEach(mark -> mark.reached().complete(null));
                marks.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The receipts are safe in the journal: they are kept and written again, here or at the next start.
                log.error("The database could not take {} journaled groups of receipts; trying again in 1 s",
                        groups.size(), e);
                if (!running) {
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Gathers journaled groups until a transaction's worth of receipts is waiting, the gathering time is up, or a
     * read is waiting for them.
     */
    private void gather(List<ReceiptGroup> groups, List<Mark> marks) throws InterruptedException {
        int rows = groups.stream().mapToInt(group -> group.rows().size()).sum();
        long until = System.nanoTime() + GATHER_NANOS;
        Object next = behind.poll(200, TimeUnit.MILLISECONDS);
        while (next != null) {
            if (next instanceof Mark mark) {
                marks.add(mark);
                return;
            }
            ReceiptGroup group = (ReceiptGroup) next;
            groups.add(group);
            rows += group.rows().size();
            long left = until - System.nanoTime();
            if (rows >= BATCH || left <= 0) {
                return;
            }
            next = behind.poll(left, TimeUnit.NANOSECONDS);
        }
    }
}
