package org.reglament.log;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The log's streams and who writes them (the log_stream table).
 * <p>
 * Why streams: every replica answers at full speed only if no two of them wait for one head of the log. So each
 * replica writes a stream of its own — its own Merkle tree, with its own signed checkpoints — and the only thing the
 * replicas share is PostgreSQL. A replica holds its stream by a lease in the database (database time, so the
 * replicas' clocks do not matter), renews it in the background, and lets go of it when it stops. A replica that
 * starts takes back a stream whose lease ran out — its own first, by instance name — or opens a new one. Auditors see
 * all streams as one log, ordered by answer time.
 * <p>
 * Why this cannot fork a stream: every write of a group moves the stream's head in the same transaction with a
 * compare-and-set on the holder's token and the tree size it started from ({@link #advance}). A replica that lost its
 * lease (paused past it while another took the stream over) writes nothing: its transaction finds no row to move,
 * rolls back, and its answers fail rather than go unrecorded.
 */
@Repository
public class LogStreams {
    private static final SecureRandom TOKENS = new SecureRandom();

    private final JdbcTemplate jdbc;

    public LogStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stream as the database holds it. */
    public record Stream(int stream, String holderName, long treeSize, String root, String frontier, String checkpoint) {
    }

    /** A lease on a stream: the token fences off every other process. */
    public record Lease(int stream, String token) {
    }

    /** Thrown when the stream is no longer this process's to write. */
    public static class LeaseLost extends RuntimeException {
        public LeaseLost(String message) {
            super(message);
        }
    }

    /**
     * Takes a stream for this process: a free one (no holder, or its lease ran out) that this instance name held
     * last, else any free one, else a new one.
     */
    Lease claim(String instanceName, int leaseSeconds) {
        String token = HexFormat.of().formatHex(randomBytes());
        List<Integer> free = jdbc.queryForList("select stream from log_stream where holder_token is null or lease_until"
                + " < current_timestamp order by case when holder_name = ? then 0 else 1 end, stream", Integer.class,
                instanceName);
        for (int stream : free) {
            int taken = jdbc.update("update log_stream set holder_name = ?, holder_token = ?, lease_until = "
                    + leaseUntil(leaseSeconds) + " where stream = ? and (holder_token is null or lease_until < "
                    + "current_timestamp)", instanceName, token, stream);
            if (taken == 1) {
                return new Lease(stream, token);
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.update("insert into log_stream (stream, holder_name, holder_token, lease_until, tree_size, root, "
                        + "frontier, created_at) select coalesce(max(stream), 0) + 1, ?, ?, " + leaseUntil(leaseSeconds)
                        + ", 0, ?, '', current_timestamp from log_stream", instanceName, token,
                        HexFormat.of().formatHex(MerkleTree.emptyRoot()));
                Integer stream = jdbc.queryForObject("select stream from log_stream where holder_token = ?",
                        Integer.class, token);
                return new Lease(stream, token);
            } catch (DataIntegrityViolationException raced) {
                // Another replica opened the same next stream at the same moment: take the one after it.
                if (attempt > 20) {
                    throw raced;
                }
            }
        }
    }

    /**
     * Takes the stream the journal holds receipts of, which this process must continue. With the embedded database
     * it is taken whatever its lease says: the database's file is locked to this process, so no other can be writing
     * it (the lease is only a process that died before letting go). With a server database only if it is free.
     */
    Lease claimJournaled(int stream, String instanceName, int leaseSeconds, boolean embedded) {
        String token = HexFormat.of().formatHex(randomBytes());
        int taken = jdbc.update("update log_stream set holder_name = ?, holder_token = ?, lease_until = "
                + leaseUntil(leaseSeconds) + " where stream = ?" + (embedded ? ""
                : " and (holder_token is null or lease_until < current_timestamp)"), instanceName, token, stream);
        if (taken != 1) {
            throw new LeaseLost("the journal holds receipts of stream " + stream + ", which "
                    + (stream(stream).isPresent() ? "another process holds" : "the database does not know"));
        }
        return new Lease(stream, token);
    }

    /** Renews the lease; false when another process has taken the stream. */
    boolean renew(Lease lease, int leaseSeconds) {
        return jdbc.update("update log_stream set lease_until = " + leaseUntil(leaseSeconds)
                + " where stream = ? and holder_token = ?", lease.stream(), lease.token()) == 1;
    }

    /** Lets go of the stream at a clean stop, so that the next replica to start takes it at once. */
    void release(Lease lease) {
        jdbc.update("update log_stream set holder_token = null, lease_until = null where stream = ? and holder_token = ?",
                lease.stream(), lease.token());
    }

    /**
     * Moves the stream's head from {@code fromSize} to the tree after a group, in the caller's transaction.
     *
     * @throws LeaseLost when the stream is not this lease's, or its head is not where this writer left it
     */
    void advance(Lease lease, long fromSize, MerkleTree.Frontier after) {
        int moved = jdbc.update("update log_stream set tree_size = ?, root = ?, frontier = ? where stream = ? and "
                + "holder_token = ? and tree_size = ?", after.size(), HexFormat.of().formatHex(after.root()),
                after.encode(), lease.stream(), lease.token(), fromSize);
        if (moved != 1) {
            throw new LeaseLost("stream " + lease.stream() + " is no longer this process's to write (its lease was taken "
                    + "over, or its head moved behind its back)");
        }
    }

    /** Keeps the stream's latest signed checkpoint, for any replica to hand out. */
    void publish(Lease lease, Checkpoint checkpoint) {
        jdbc.update("update log_stream set checkpoint = ? where stream = ? and holder_token = ?", checkpoint.note(),
                lease.stream(), lease.token());
    }

    /** Keeps a checkpoint in the stream's history (verification compares the tree with every one kept). */
    void keep(int stream, Checkpoint checkpoint, String signedAt) {
        List<Integer> existing = jdbc.queryForList("select 1 from log_checkpoint where stream = ? and tree_size = ?",
                Integer.class, stream, checkpoint.treeSize());
        if (existing.isEmpty()) {
            jdbc.update("insert into log_checkpoint (stream, tree_size, signed_at, note) values (?, ?, ?, ?)", stream,
                    checkpoint.treeSize(), signedAt, checkpoint.note());
        }
    }

    /** Writes the tree of a stream migrated from the hash chain, computed once from its leaves. */
    void computed(int stream, MerkleTree.Frontier tree) {
        jdbc.update("update log_stream set root = ?, frontier = ? where stream = ? and tree_size = ?",
                HexFormat.of().formatHex(tree.root()), tree.encode(), stream, tree.size());
    }

    Optional<Stream> stream(int stream) {
        return jdbc.query("select stream, holder_name, tree_size, root, frontier, checkpoint from log_stream where stream = ?",
                (rs, n) -> new Stream(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), stream).stream().findFirst();
    }

    public List<Stream> streams() {
        return jdbc.query("select stream, holder_name, tree_size, root, frontier, checkpoint from log_stream order by stream",
                (rs, n) -> new Stream(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
    }

    /** Every checkpoint kept, by stream, oldest first. */
    List<String> keptAll() {
        return jdbc.queryForList("select note from log_checkpoint order by stream, tree_size", String.class);
    }

    /** Streams that hold receipts, whether or not the stream table still lists them. */
    List<Integer> streamsWithReceipts() {
        return jdbc.queryForList("select distinct stream from receipt order by stream", Integer.class);
    }

    /** SQL for "now plus the lease", in database time: the standard interval literal both H2 and PostgreSQL read. */
    private static String leaseUntil(int seconds) {
        return "current_timestamp + interval '" + Math.max(1, seconds) + "' second";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return bytes;
    }
}
