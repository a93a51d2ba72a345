package org.reglament.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.reglament.knowledgebase.KnowledgeBaseSourceStore;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the sources (every file of rules/) of each knowledge-base version, keyed by its content hash, so that
 * a receipt can be replayed with the version that answered it after the rules changed and the service restarted;
 * and the candidates proposed, with their origin, so that they are only ever run in a confined worker.
 */
@Component
public class JdbcKnowledgeBaseStore implements KnowledgeBaseSourceStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcKnowledgeBaseStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A kept candidate, as its proposer and the quota see it. */
    public record CandidateEntry(String version, String storedAt, long sizeBytes, String proposedBy) {
    }

    @Override
    public void store(RuleSources sources, Origin origin) {
        store(sources, origin, null);
    }

    public void store(RuleSources sources, Origin origin, String proposedBy) {
        transactions.executeWithoutResult(status -> {
            Integer known = jdbc.queryForObject("select count(*) from knowledge_base_version where version = ?",
                    Integer.class, sources.version());
            if (known != null && known > 0) {
                if (origin == Origin.BUILT_IN) {
                    jdbc.update("update knowledge_base_version set origin = ? where version = ?", name(origin),
                            sources.version());
                }
                return;
            }
            jdbc.update("insert into knowledge_base_version (version, stored_at, origin, size_bytes, proposed_by) "
                            + "values (?, ?, ?, ?, ?)", sources.version(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), name(origin), size(sources), proposedBy);
            jdbc.batchUpdate("insert into knowledge_base_file (version, path, content) values (?, ?, ?)",
                    sources.files().entrySet(), 100, (statement, file) -> {
                        statement.setString(1, sources.version());
                        statement.setString(2, file.getKey());
                        statement.setString(3, new String(file.getValue(), StandardCharsets.UTF_8));
                    });
        });
    }

    /** Where a kept version came from, without reading its files; empty if it is not kept. */
    public Optional<Origin> origin(String version) {
        return jdbc.queryForList("select origin from knowledge_base_version where version = ?", String.class, version)
                .stream().findFirst().map(JdbcKnowledgeBaseStore::parseOrigin);
    }

    @Override
    public Optional<Kept> load(String version) {
        Optional<Origin> origin = origin(version);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new TreeMap<>();
        jdbc.query("select path, content from knowledge_base_file where version = ?",
                rs -> { files.put(rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8)); }, version);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        RuleSources sources = new RuleSources(files);
        if (!sources.version().equals(version)) {
            throw new IllegalStateException("the stored sources of " + version + " hash to " + sources.version()
                    + ": they were altered");
        }
        return Optional.of(new Kept(sources, origin.get()));
    }

    public List<String> versions() {
        return jdbc.queryForList("select version from knowledge_base_version order by stored_at, version", String.class);
    }

    /** The candidates kept (proposed over HTTP), oldest first: what the quota counts. */
    public List<CandidateEntry> candidates() {
        return jdbc.query("select version, stored_at, size_bytes, proposed_by from knowledge_base_version "
                        + "where origin = ? order by stored_at, version",
                (rs, row) -> new CandidateEntry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)),
                name(Origin.CANDIDATE));
    }

    /** Removes a kept candidate (never a built-in version, which receipts may name); false if there was none. */
    public boolean deleteCandidate(String version) {
        Boolean deleted = transactions.execute(status -> {
            Integer candidates = jdbc.queryForObject(
                    "select count(*) from knowledge_base_version where version = ? and origin = ?", Integer.class,
                    version, name(Origin.CANDIDATE));
            if (candidates == null || candidates == 0) {
                return false;
            }
            jdbc.update("delete from knowledge_base_file where version = ?", version);
            jdbc.update("delete from knowledge_base_version where version = ?", version);
            return true;
        });
        return Boolean.TRUE.equals(deleted);
    }

    public static long size(RuleSources sources) {
        return sources.files().values().stream().mapToLong(content -> content.length).sum();
    }

    private static Origin parseOrigin(String name) {
        return Origin.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String name(Origin origin) {
        return origin.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
