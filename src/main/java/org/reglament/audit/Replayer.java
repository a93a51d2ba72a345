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
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleFailedException;
import org.springframework.stereotype.Component;

/**
 * Replays a receipt: the recorded request, decided again with a chosen knowledge-base version (the one that
 * answered, the live one, or a candidate), compared with the recorded answer field by field and, for the action
 * matrix, cell by cell. The service's own versions are decided here ({@link #replay}); a candidate is decided in its
 * confined worker, which runs {@link #answer} there, and its answers are compared here by the same {@link #compare}.
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

    /** What a version answered a recorded request with: the answer's canonical JSON, or why the decision refused. */
    public record Replayed(String answer, String refusal) {
        public static Replayed answered(String answer) {
            return new Replayed(answer, null);
        }

        public static Replayed refused(String refusal) {
            return new Replayed(null, refusal);
        }
    }

    /**
     * A registry batch's receipt keeps the file's digest, not the file: it is replayed with the file the auditor
     * brings (posted to the same replay URL), never on its own.
     *
     * @throws InvalidRequestException for a batch's receipt
     */
    public void requireReplayableAlone(Receipt receipt) {
        if (catalog.replaysWithItsFile(receipt.decision())) {
            throw new InvalidRequestException("(body)", "decision " + receipt.decisionId() + " is a registry batch ("
                    + receipt.decision() + "): its receipt keeps the file's digest, not the file; post the same file "
                    + "(text/csv, XLSX or JSON Lines) to this URL to replay it row by row");
        }
    }

    /** Replays in this process, with a version the service itself shipped (the live one or a kept built-in). */
    public Replay replay(Receipt receipt, KnowledgeBase against) {
        requireReplayableAlone(receipt);
        KnowledgeBase recordedVersion = knowledgeBases.builtIn(receipt.knowledgeBaseVersion()).orElse(null);
        KnowledgeBaseDiff.Changes changes = recordedVersion == null || recordedVersion == against ? null
                : KnowledgeBaseDiff.between(recordedVersion.outline(), against.outline());
        Replayed replayed = knowledgeBases.using(against, () -> answer(receipt.decision(), receipt.request()));
        return compare(receipt, against.version(), replayed, changes);
    }

    /** Every receipt replayed in this process against one of the service's own versions. */
    public Replaying inProcess(KnowledgeBase against) {
        return new Replaying() {
            @Override
            public String version() {
                return against.version();
            }

            @Override
            public Replay replay(Receipt receipt) {
                return Replayer.this.replay(receipt, against);
            }
        };
    }

    /**
     * Decides a recorded request (its canonical text) again with the knowledge base decisions currently answer
     * with. A decision's refusal is an answer too; a rule that fails ({@link RuleFailedException}) is not, and is
     * thrown: the version is at fault, not the request.
     */
    public Replayed answer(String decisionName, String canonicalRequest) {
        DecisionCatalog.Decision<?> decision = catalog.decision(decisionName);
        Object request = json.read(canonicalRequest, decision.requestType());
        try {
            DecisionEnvelope<?> envelope = DecisionMetrics.replaying(() -> decision.decide(request));
            return Replayed.answered(json.write(envelope));
        } catch (RuleFailedException failed) {
            throw failed;
        } catch (RuntimeException refused) {
            return Replayed.refused(refused.getMessage());
        }
    }

    /** The recorded answer against the replayed one, wherever it was decided. */
    public Replay compare(Receipt receipt, String replayedVersion, Replayed replayed,
                          KnowledgeBaseDiff.Changes changes) {
        if (replayed.refusal() != null) {
            return new Replay(receipt.decisionId(), receipt.decision(), receipt.knowledgeBaseVersion(), replayedVersion,
                    false, replayed.refusal(), List.of(), List.of(), changes);
        }
        JsonNode recorded = json.tree(receipt.answer());
        JsonNode now = json.tree(replayed.answer());
        List<Difference> differences = new ArrayList<>();
        diff("", strip(recorded), strip(now), differences);
        return new Replay(receipt.decisionId(), receipt.decision(), receipt.knowledgeBaseVersion(), replayedVersion,
                differences.isEmpty(), null, differences, cells(recorded, now), changes);
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
