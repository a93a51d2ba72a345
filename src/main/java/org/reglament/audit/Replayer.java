package org.reglament.audit;

import org.reglament.log.CanonicalJson;
import org.reglament.log.Receipt;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Component;

/**
 * Replays a receipt: the recorded request, decided again with a chosen knowledge-base version (the one that
 * answered, the live one, or a candidate), compared with the recorded answer field by field and, for the action
 * matrix, cell by cell.
 */
@Component
public class Replayer {
    /** What differs between answers by nature, not by law: the id, the digest and the version itself. */
    private static final java.util.Set<String> NOT_COMPARED = java.util.Set.of("decisionId", "digest",
            "knowledgeBaseVersion");

    private final DecisionCatalog catalog;
    private final KnowledgeBases knowledgeBases;
    private final CanonicalJson json;

    public Replayer(DecisionCatalog catalog, KnowledgeBases knowledgeBases, CanonicalJson json) {
        this.catalog = catalog;
        this.knowledgeBases = knowledgeBases;
        this.json = json;
    }

    public record Replay(String decisionId, String decision, String recordedVersion, String replayedVersion,
                         boolean reproduced, String refusal, List<Difference> differences, List<CellChange> cells,
                         KnowledgeBaseDiff.Changes knowledgeBaseChanges) {
    }

    public record Difference(String path, JsonNode recorded, JsonNode replayed) {
    }

    /** One action of a matrix whose value or rule changed. */
    public record CellChange(int action, String name, String valueBefore, String valueAfter, String ruleBefore,
                             String ruleAfter, String clauseBefore, String clauseAfter) {
    }

    public Replay replay(Receipt receipt, KnowledgeBase against) {
        DecisionCatalog.Decision<?> decision = catalog.decision(receipt.decision());
        Object request = json.read(receipt.request(), decision.requestType());
        JsonNode recorded = json.tree(receipt.answer());
        KnowledgeBase recordedVersion = knowledgeBases.version(receipt.knowledgeBaseVersion()).orElse(null);
        KnowledgeBaseDiff.Changes changes = recordedVersion == null || recordedVersion == against ? null
                : KnowledgeBaseDiff.between(recordedVersion, against);
        JsonNode replayed;
        try {
            DecisionEnvelope<?> envelope = DecisionMetrics.replaying(
                    () -> knowledgeBases.using(against, () -> decision.decide(request)));
            replayed = json.tree(json.write(envelope));
        } catch (RuntimeException refused) {
            return new Replay(receipt.decisionId(), receipt.decision(), receipt.knowledgeBaseVersion(), against.version(),
                    false, refused.getMessage(), List.of(), List.of(), changes);
        }
        List<Difference> differences = new ArrayList<>();
        diff("", strip(recorded), strip(replayed), differences);
        return new Replay(receipt.decisionId(), receipt.decision(), receipt.knowledgeBaseVersion(), against.version(),
                differences.isEmpty(), null, differences, cells(recorded, replayed), changes);
    }

    private static JsonNode strip(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        NOT_COMPARED.forEach(copy::remove);
        return copy;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.path(name), b.path(name), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else {
            out.add(new Difference(path, a.isMissingNode() ? null : a, b.isMissingNode() ? null : b));
        }
    }

    /** The action matrix's cells (derived, or the criteria of a check) before and after, where they differ. */
    private static List<CellChange> cells(JsonNode recorded, JsonNode replayed) {
        List<CellChange> changes = new ArrayList<>();
        for (String field : List.of("cells", "criteria")) {
            JsonNode before = recorded.path("result").path(field);
            JsonNode after = replayed.path("result").path(field);
            if (!before.isArray() || !after.isArray()) {
                continue;
            }
            Iterator<JsonNode> b = before.elements();
            Iterator<JsonNode> a = after.elements();
            while (b.hasNext() && a.hasNext()) {
                JsonNode was = b.next();
                JsonNode now = a.next();
                if (!was.path("value").equals(now.path("value")) || !was.path("rule").equals(now.path("rule"))) {
                    changes.add(new CellChange(was.path("action").asInt(), was.path("name").asText(),
                            was.path("value").asText(), now.path("value").asText(), was.path("rule").asText(),
                            now.path("rule").asText(), was.path("clause").asText(), now.path("clause").asText()));
                }
            }
        }
        return changes;
    }

}
