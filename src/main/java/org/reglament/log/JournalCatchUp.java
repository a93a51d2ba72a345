package org.reglament.log;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.function.IntFunction;
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
    private final LogStreams streams;
    private final TransactionTemplate transactions;
    private final Timer transactionTimes;
    /** Journaled groups on their way to the database, and the marks of reads waiting for them. */
    private final BlockingQueue<Object> behind = new LinkedBlockingQueue<>();
    private volatile boolean running;
    /** The tree size of the stream in the database. */
    private volatile long storedSize;
    private LogStreams.Lease lease;
    private volatile MerkleTree.Frontier stored;
    private Thread thread;

    JournalCatchUp(DecisionJournal journal, ReceiptRepository receipts, LogStreams streams,
                   TransactionTemplate transactions, MeterRegistry metrics) {
        this.journal = journal;
        this.receipts = receipts;
        this.streams = streams;
        this.transactions = transactions;
        this.transactionTimes = Timer.builder("reglament.decision.log.catch-up")
                .description("Time to write one transaction of journaled receipts into the database").register(metrics);
    }

    /** A read waiting until the database holds every receipt journaled before it asked. */
    private record Mark(CompletableFuture<Void> reached) {
    }

    /**
     * Writes into the database what the journal holds beyond its stream's head in the database, checking that it
     * continues that stream, and empties the journal. A journal that does not continue the stream (its receipt at the
     * database's last leaf differs, or its groups do not hash to the roots the writer recorded) is not the one written
     * with this database: the log does not open, rather than fork or drop receipts.
     *
     * @param claim takes the journal's stream for this process (the journal's receipts continue it)
     * @return the lease of the stream the journal held, or null when it held nothing
     */
    LogStreams.Lease recover(IntFunction<LogStreams.Lease> claim) {
        List<ReceiptGroup> pending = new ArrayList<>();
        LogStreams.Lease[] lease = {null};
        MerkleTree.Frontier[] tree = {null};
        MerkleTree.Frontier[] written = {null};
        long[] recovered = {0};
        journal.recover(group -> {
            if (lease[0] == null || lease[0].stream() != group.stream()) {
                flush(lease[0], written, tree[0], pending);
                lease[0] = claim.apply(group.stream());
                LogStreams.Stream stream = streams.stream(group.stream()).orElseThrow();
                tree[0] = MerkleTree.Frontier.decode(stream.treeSize(), stream.frontier());
                written[0] = tree[0];
            }
            long databaseSize = written[0].size();
            List<ReceiptRepository.Row> beyond = new ArrayList<>();
            for (ReceiptRepository.Row row : group.rows()) {
                if (row.leafIndex() < tree[0].size()) {
                    if (row.leafIndex() == databaseSize - 1 && !row.digest().equals(receipts.digestAt(row.stream(),
                            row.leafIndex()))) {
                        throw new DecisionJournal.Damaged("the journal in " + journal.directory() + " holds leaf "
                                + row.leafIndex() + " of stream " + row.stream() + " with another digest than the "
                                + "database: not this log's journal");
                    }
                    continue;
                }
                if (row.leafIndex() != tree[0].size() + beyond.size()) {
                    throw new DecisionJournal.Damaged("the journal in " + journal.directory() + " does not continue "
                            + "stream " + row.stream() + ", of which the database holds " + tree[0].size()
                            + " receipts (the journal goes on at leaf " + row.leafIndex() + ")");
                }
                beyond.add(row);
            }
            if (beyond.isEmpty()) {
                return;
            }
            ReceiptGroup continued = new ReceiptGroup(group.stream(), beyond, group.dictionaries(), group.root());
            tree[0] = tree[0].append(continued.leafHashes());
            if (!HexFormat.of().formatHex(tree[0].root()).equals(group.root())) {
                throw new DecisionJournal.Damaged("the journal in " + journal.directory() + " holds receipts of stream "
                        + group.stream() + " up to leaf " + (group.treeSize() - 1) + " that do not hash to the root its "
                        + "writer recorded");
            }
            pending.add(continued);
            recovered[0] += beyond.size();
            if (pending.stream().mapToInt(g -> g.rows().size()).sum() >= BATCH) {
                flush(lease[0], written, tree[0], pending);
            }
        });
        flush(lease[0], written, tree[0], pending);
        journal.releaseAll();
        if (recovered[0] > 0) {
            log.warn("Wrote {} receipts from the journal into the database (the service had stopped before it "
                    + "caught up)", recovered[0]);
        }
        return lease[0];
    }

    /** Writes the pending groups and moves the stream's head from where the database had it to {@code tree}. */
    private void flush(LogStreams.Lease lease, MerkleTree.Frontier[] written, MerkleTree.Frontier tree,
                       List<ReceiptGroup> pending) {
        if (pending.isEmpty()) {
            return;
        }
        long from = written[0].size();
        transactions.executeWithoutResult(status -> {
            receipts.append(pending);
            streams.advance(lease, from, tree);
        });
        written[0] = tree;
        pending.clear();
    }

    /** @param stored the stream's tree as the database holds it, which the writer continues under {@code lease} */
    void start(LogStreams.Lease lease, MerkleTree.Frontier stored) {
        this.lease = lease;
        this.stored = stored;
        this.storedSize = stored.size();
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

    /** The stream's tree as the database holds it. */
    MerkleTree.Frontier storedTree() {
        return stored;
    }

    long storedSize() {
        return storedSize;
    }

    /** Returns once the database holds the stream's first {@code size} receipts. */
    void awaitStored(long size, long timeoutMs) {
        if (storedSize >= size) {
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
                    MerkleTree.Frontier after = stored;
                    for (ReceiptGroup group : groups) {
                        after = after.append(group.leafHashes());
                    }
                    MerkleTree.Frontier tree = after;
                    transactionTimes.record(() -> transactions.executeWithoutResult(status -> {
                        receipts.append(groups);
                        streams.advance(lease, stored.size(), tree);
                    }));
                    groups.clear();
                    stored = tree;
                    storedSize = tree.size();
                    journal.release(lease.stream(), tree.size());
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
