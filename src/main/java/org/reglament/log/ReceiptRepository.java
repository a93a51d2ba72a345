package org.reglament.log;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The receipt and log_head tables. */
@Repository
public class ReceiptRepository {
    private static final String COLUMNS = "seq, decision_id, decision, registry_id, as_of, act_id, edition, kb_version, "
            + "answered_at, caller, request, answer, digest, chain";

    private final JdbcTemplate jdbc;
    private final ReceiptTexts texts;

    public ReceiptRepository(JdbcTemplate jdbc, ReceiptTexts texts) {
        this.jdbc = jdbc;
        this.texts = texts;
    }

    /** A receipt as it is written: its place in the chain, its request and answer in their stored form. */
    record Row(long seq, String chain, String decisionId, String decision, String registryId, LocalDate asOf,
               String actId, String edition, String knowledgeBaseVersion, String answeredAt, String caller,
               String request, String answer, String digest) {
    }

    /**
     * Inserts groups of receipts and moves the head, in the caller's transaction: the answer dictionaries first, then
     * the receipts that need them.
     */
    void append(List<ReceiptGroup> groups) {
        List<Row> rows = new ArrayList<>();
        for (ReceiptGroup group : groups) {
            texts.storeDictionaries(group.dictionaries());
            rows.addAll(group.rows());
        }
        jdbc.batchUpdate("insert into receipt (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, rows.size(), (statement, row) -> {
                    statement.setLong(1, row.seq());
                    statement.setString(2, row.decisionId());
                    statement.setString(3, row.decision());
                    statement.setString(4, row.registryId());
                    statement.setDate(5, Date.valueOf(row.asOf()));
                    statement.setString(6, row.actId());
                    statement.setString(7, row.edition());
                    statement.setString(8, row.knowledgeBaseVersion());
                    statement.setString(9, row.answeredAt());
                    statement.setString(10, row.caller());
                    statement.setString(11, row.request());
                    statement.setString(12, row.answer());
                    statement.setString(13, row.digest());
                    statement.setString(14, row.chain());
                });
        Row last = rows.get(rows.size() - 1);
        int moved = jdbc.update("update log_head set seq = ?, chain = ? where id = 1", last.seq(), last.chain());
        if (moved == 0) {
            jdbc.update("insert into log_head (id, seq, chain) values (1, ?, ?)", last.seq(), last.chain());
        }
    }

    /** The head of the chain: the last seq and chain value written, or seq 0 and the genesis value. */
    Head head() {
        List<Head> heads = jdbc.query("select seq, chain from log_head where id = 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
        return heads.isEmpty() ? new Head(0, Receipt.GENESIS) : heads.get(0);
    }

    record Head(long seq, String chain) {
    }

    public Optional<Receipt> byDecisionId(String decisionId) {
        return jdbc.query("select " + COLUMNS + " from receipt where decision_id = ?", this::receipt, decisionId).stream()
                .findFirst();
    }

    /** Every receipt in chain order, one at a time (the log may be large); those that no longer read, aside. */
    void forEachInOrder(Consumer<Receipt> each, UnreadableReceipt unreadable) {
        jdbc.query("select " + COLUMNS + " from receipt order by seq", rs -> {
            Receipt read;
            try {
                read = receipt(rs, 0);
            } catch (ReceiptTexts.Unreadable e) {
                unreadable.found(rs.getLong("seq"), rs.getString("decision_id"), e.getMessage());
                return;
            }
            each.accept(read);
        });
    }

    interface UnreadableReceipt {
        void found(long seq, String decisionId, String reason);
    }

    /** Receipts matching the filter (any null field matches everything), in chain order, paged. */
    public List<Receipt> search(ReceiptFilter filter, int offset, int limit) {
        List<Object> arguments = new ArrayList<>();
        String where = filter.where(arguments);
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query("select " + COLUMNS + " from receipt" + where + " order by seq limit ? offset ?", this::receipt,
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
        return new Receipt(rs.getLong("seq"), rs.getString("decision_id"), rs.getString("decision"),
                rs.getString("registry_id"), asOf, rs.getString("act_id"), rs.getString("edition"),
                rs.getString("kb_version"), rs.getString("answered_at"), rs.getString("caller"),
                texts.read(rs.getString("request")), texts.read(rs.getString("answer")), rs.getString("digest"),
                rs.getString("chain"));
    }
}
