package org.reglament.log;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The receipt table: every stream's leaves. */
@Repository
public class ReceiptRepository {
    private static final String COLUMNS = "stream, leaf_index, decision_id, decision, registry_id, as_of, act_id, edition, "
            + "kb_version, answered_at, caller, request, answer, digest";
    /** The one order of the whole log that auditors see: by answer time, then by stream and place. */
    private static final String LOG_ORDER = " order by answered_at, stream, leaf_index";

    private final JdbcTemplate jdbc;
    /**
     * The same database, fetching {@code reglament.audit.log.rows-per-fetch} rows at a time, for the walks over a whole
     * stream. PostgreSQL's driver reads a query's every row into memory before it returns the first unless the
     * statement has a fetch size and runs outside auto-commit: a verify of a stream of 470,000 receipts ran out of a
     * 512 MB heap that way and answered 500.
     */
    private final JdbcTemplate walking;
    private final TransactionTemplate readOnly;
    private final ReceiptTexts texts;

    public ReceiptRepository(JdbcTemplate jdbc, TransactionTemplate transactions, ReceiptTexts texts,
                             @Value("${reglament.audit.log.rows-per-fetch:500}") int rowsPerFetch) {
        this.jdbc = jdbc;
        this.walking = new JdbcTemplate(jdbc.getDataSource());
        this.walking.setFetchSize(rowsPerFetch);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.texts = texts;
    }

    /**
     * Runs a query over a stream's rows one fetch at a time: in a read-only transaction (joining the caller's, if any),
     * so that the driver keeps a cursor open instead of reading every row first.
     */
    private void walk(String sql, RowCallbackHandler each, Object... arguments) {
        readOnly.executeWithoutResult(status -> walking.query(sql, each, arguments));
    }

    /** A receipt as it is written: its place in the log, its request and answer in their stored form. */
    record Row(int stream, long leafIndex, String decisionId, String decision, String registryId, LocalDate asOf,
               String actId, String edition, String knowledgeBaseVersion, String answeredAt, String caller,
               String request, String answer, String digest) {
    }

    /**
     * Inserts groups of receipts in the caller's transaction (which also moves their stream's head): the answer
     * dictionaries first, then the receipts that need them.
     */
    void append(List<ReceiptGroup> groups) {
        List<Row> rows = new ArrayList<>();
        for (ReceiptGroup group : groups) {
            texts.storeDictionaries(group.dictionaries());
            rows.addAll(group.rows());
        }
        jdbc.batchUpdate("insert into receipt (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, rows.size(), (statement, row) -> {
                    statement.setInt(1, row.stream());
                    statement.setLong(2, row.leafIndex());
                    statement.setString(3, row.decisionId());
                    statement.setString(4, row.decision());
                    statement.setString(5, row.registryId());
                    statement.setDate(6, Date.valueOf(row.asOf()));
                    statement.setString(7, row.actId());
                    statement.setString(8, row.edition());
                    statement.setString(9, row.knowledgeBaseVersion());
                    statement.setString(10, row.answeredAt());
                    statement.setString(11, row.caller());
                    statement.setString(12, row.request());
                    statement.setString(13, row.answer());
                    statement.setString(14, row.digest());
                });
    }

    public Optional<Receipt> byDecisionId(String decisionId) {
        return jdbc.query("select " + COLUMNS + " from receipt where decision_id = ?", this::receipt, decisionId).stream()
                .findFirst();
    }

    /**
     * Every receipt of a stream below a leaf index in leaf order, one at a time (a stream may be large); those that no longer read are
     * handed over with their place and stored digest.
     */
    void forEachInStream(int stream, long below, Consumer<Receipt> each, UnreadableReceipt unreadable) {
        walk("select " + COLUMNS + " from receipt where stream = ? and leaf_index < ? order by leaf_index", rs -> {
            Receipt read;
            try {
                read = receipt(rs, 0);
            } catch (ReceiptTexts.Unreadable e) {
                unreadable.found(rs.getLong("leaf_index"), rs.getString("decision_id"), rs.getString("digest"),
                        e.getMessage());
                return;
            }
            each.accept(read);
        }, stream, below);
    }

    interface UnreadableReceipt {
        void found(long leafIndex, String decisionId, String digest, String reason);
    }

    /** The stored digest of one leaf, or null. */
    String digestAt(int stream, long leafIndex) {
        return jdbc.query("select digest from receipt where stream = ? and leaf_index = ?", (rs, n) -> rs.getString(1),
                stream, leafIndex).stream().findFirst().orElse(null);
    }

    /** The stored digests of a stream's first {@code count} leaves, in order, as leaf hashes (for proofs). */
    List<byte[]> leafHashes(int stream, long count) {
        List<byte[]> leaves = new ArrayList<>();
        walk("select leaf_index, digest from receipt where stream = ? and leaf_index < ? order by leaf_index", rs -> {
            if (rs.getLong(1) != leaves.size()) {
                throw new MissingLeaf(stream, leaves.size());
            }
            leaves.add(MerkleTree.leafHash(rs.getString(2)));
        }, stream, count);
        if (leaves.size() < count) {
            throw new MissingLeaf(stream, leaves.size());
        }
        return leaves;
    }

    /** A proof cannot be made: the stream does not hold a leaf the tree needs. */
    static class MissingLeaf extends RuntimeException {
        MissingLeaf(int stream, long leafIndex) {
            super("stream " + stream + " does not hold leaf " + leafIndex);
        }
    }

    /** Receipts matching the filter (any null field matches everything), in the log's order, paged by number. */
    public List<Receipt> search(ReceiptFilter filter, int offset, int limit) {
        return page(filter, null, offset, limit);
    }

    /**
     * Receipts matching the filter that come after a position in the log's order (null: from the first), at most
     * {@code limit} of them. The comparison is the order's own, as a row value, so that the index on the order
     * ({@code receipt_log_order}) gives the page's first receipt without reading those before it.
     */
    public List<Receipt> searchAfter(ReceiptFilter filter, LogPosition after, int limit) {
        return page(filter, after, 0, limit);
    }

    private List<Receipt> page(ReceiptFilter filter, LogPosition after, int offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(filter.where(arguments));
        if (after != null) {
            where.append(where.isEmpty() ? " where " : " and ").append("(answered_at, stream, leaf_index) > (?, ?, ?)");
            arguments.add(after.answeredAt());
            arguments.add(after.stream());
            arguments.add(after.leafIndex());
        }
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select " + COLUMNS + " from receipt" + where + LOG_ORDER + " limit ? offset ?", this::receipt,
                arguments.toArray());
    }

    public long count(ReceiptFilter filter) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        Long count = jdbc.queryForObject("select count(*) from receipt" + where, Long.class, arguments.toArray());
        return count == null ? 0 : count;
    }

    private Receipt receipt(ResultSet rs, int row) throws SQLException {
        LocalDate asOf = rs.getDate("as_of").toLocalDate();
        return new Receipt(rs.getInt("stream"), rs.getLong("leaf_index"), rs.getString("decision_id"), rs.getString("decision"),
                rs.getString("registry_id"), asOf, rs.getString("act_id"), rs.getString("edition"),
                rs.getString("kb_version"), rs.getString("answered_at"), rs.getString("caller"),
                texts.read(rs.getString("request")), texts.read(rs.getString("answer")), rs.getString("digest"));
    }
}
