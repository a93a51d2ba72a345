package org.reglament.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.reglament.audit.JdbcKnowledgeBaseStore;
import org.reglament.audit.KnowledgeBaseDiff;
import org.reglament.knowledgebase.ActText;
import org.reglament.knowledgebase.Clause;
import org.reglament.knowledgebase.KnowledgeBaseCompiler;
import org.reglament.knowledgebase.KnowledgeBaseOutline;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore;
import org.springframework.stereotype.Component;

/**
 * The knowledge-base versions the service has answered with (kept as built-in by the decision log; candidates are
 * proposals, not versions of the law, and are not listed), and for each what changed against the one kept before it:
 * the audit's own account ({@link KnowledgeBaseDiff}) of rules and parameters, the files, and the clauses of the
 * texts whose words changed. Read from outlines: nothing of a kept version is compiled or run for a page.
 */
@Component
public class SiteVersions {
    private final JdbcKnowledgeBaseStore store;
    private final Map<String, KnowledgeBaseOutline> outlines = new ConcurrentHashMap<>();

    public SiteVersions(JdbcKnowledgeBaseStore store) {
        this.store = store;
    }

    public record ClauseChange(String actId, String edition, String language, String clause, String change) {
    }

    public record VersionChanges(String version, String previous, KnowledgeBaseDiff.Changes changes,
                                 List<String> textFiles, List<String> otherFiles, List<ClauseChange> clauses) {
    }

    /** The built-in versions, oldest first. */
    public List<String> list() {
        List<String> candidates = store.candidates().stream().map(JdbcKnowledgeBaseStore.CandidateEntry::version).toList();
        return store.versions().stream().filter(v -> !candidates.contains(v))
                .filter(v -> store.origin(v).map(KnowledgeBaseSourceStore.Origin::runsInProcess).orElse(false)).toList();
    }

    public Optional<VersionChanges> changes(String version) {
        List<String> versions = list();
        int at = versions.indexOf(version);
        if (at < 0) {
            return Optional.empty();
        }
        KnowledgeBaseOutline now = outline(version);
        if (at == 0) {
            return Optional.of(new VersionChanges(version, null, null, List.of(), List.of(), List.of()));
        }
        String previous = versions.get(at - 1);
        KnowledgeBaseOutline before = outline(previous);
        KnowledgeBaseDiff.Changes changes = KnowledgeBaseDiff.between(before, now);
        List<String> texts = changes.filesChanged().stream().filter(f -> f.contains("/texts/")).toList();
        List<String> others = changes.filesChanged().stream().filter(f -> !f.contains("/texts/")).toList();
        return Optional.of(new VersionChanges(version, previous, changes, texts, others, clauses(before, now)));
    }

    /** Clauses added, removed or reworded between two versions' texts. */
    static List<ClauseChange> clauses(KnowledgeBaseOutline before, KnowledgeBaseOutline after) {
        List<ClauseChange> changes = new ArrayList<>();
        for (ActText text : after.texts().all()) {
            Optional<ActText> old = before.texts().text(text.actId(), text.edition(), text.language());
            for (Clause clause : text.clauses()) {
                Optional<Clause> was = old.flatMap(o -> o.clause(clause.id()));
                if (was.isEmpty()) {
                    changes.add(new ClauseChange(text.actId(), text.edition(), text.language(), clause.id(), "добавлен"));
                } else if (!Objects.equals(was.get().normalizedText(), clause.normalizedText())) {
                    changes.add(new ClauseChange(text.actId(), text.edition(), text.language(), clause.id(), "изменён"));
                }
            }
            old.ifPresent(o -> o.clauses().stream().filter(c -> text.clause(c.id()).isEmpty()).forEach(c -> changes.add(
                    new ClauseChange(text.actId(), text.edition(), text.language(), c.id(), "исключён"))));
        }
        return changes;
    }

    private KnowledgeBaseOutline outline(String version) {
        return outlines.computeIfAbsent(version, v -> new KnowledgeBaseCompiler().outline(store.load(v)
                .orElseThrow(() -> new IllegalStateException("version " + v + " is listed but not kept")).sources()));
    }

    static String shortVersion(String version) {
        return version.length() > 15 ? version.substring(0, 15) + "…" : version;
    }
}
