package org.reglament.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * a receipt can be replayed with the version that answered it after the rules changed and the service restarted.
 */
@Component
public class JdbcKnowledgeBaseStore implements KnowledgeBaseSourceStore {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcKnowledgeBaseStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void store(RuleSources sources) {
        transactions.executeWithoutResult(status -> {
            Integer known = jdbc.queryForObject("select count(*) from knowledge_base_version where version = ?",
                    Integer.class, sources.version());
            if (known != null && known > 0) {
                return;
            }
            jdbc.update("insert into knowledge_base_version (version, stored_at) values (?, ?)", sources.version(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            jdbc.batchUpdate("insert into knowledge_base_file (version, path, content) values (?, ?, ?)",
                    sources.files().entrySet(), 100, (statement, file) -> {
                        statement.setString(1, sources.version());
                        statement.setString(2, file.getKey());
                        statement.setString(3, new String(file.getValue(), StandardCharsets.UTF_8));
                    });
        });
    }

    @Override
    public Optional<RuleSources> load(String version) {
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
        return Optional.of(sources);
    }

    public List<String> versions() {
        return jdbc.queryForList("select version from knowledge_base_version order by stored_at, version", String.class);
    }
}
