package org.reglament.audit;

import org.reglament.log.CanonicalJson;
import org.reglament.log.ReceiptFilter;
import org.reglament.log.Receipt;
import org.reglament.log.ReceiptRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Replays every receipt a filter selects against a knowledge base (a candidate before it is adopted): how many
 * decisions would change, grouped by cell and by clause, and which services they concern.
 */
@Component
public class ImpactAnalysis {
    private static final int PAGE = 500;

    private final ReceiptRepository receipts;
    private final CanonicalJson json;

    public ImpactAnalysis(ReceiptRepository receipts, CanonicalJson json) {
        this.receipts = receipts;
        this.json = json;
    }

    public record Impact(String against, long examined, long changed, long refused, Map<String, Long> byCell,
                         Map<String, Long> byClause, List<Affected> affected, boolean truncated) {
    }

    /** A decision that would change: its service and what changed. */
    public record Affected(String decisionId, String decision, String registryId, String service, String asOf,
                           List<String> changes) {
    }

    public Impact analyse(ReceiptFilter filter, Replaying against, int limit) {
        long examined = 0;
        long changed = 0;
        long refused = 0;
        Map<String, Long> byCell = new TreeMap<>();
        Map<String, Long> byClause = new TreeMap<>();
        List<Affected> affected = new ArrayList<>();
        boolean truncated = false;
        for (int offset = 0; ; offset += PAGE) {
            List<Receipt> page = receipts.search(filter, offset, PAGE);
            for (Receipt receipt : page) {
                if (examined == limit) {
                    truncated = true;
                    break;
                }
                examined++;
                Replayer.Replay replay = against.replay(receipt);
                if (replay.reproduced()) {
                    continue;
                }
                changed++;
                List<String> changes = new ArrayList<>();
                if (replay.refusal() != null) {
                    refused++;
                    changes.add("refused: " + replay.refusal());
                }
                for (Replayer.CellChange cell : replay.cells()) {
                    byCell.merge("action " + cell.action(), 1L, Long::sum);
                    byClause.merge(cell.clauseBefore().equals(cell.clauseAfter()) ? cell.clauseAfter()
                            : cell.clauseBefore() + " → " + cell.clauseAfter(), 1L, Long::sum);
                    changes.add("action " + cell.action() + ": «" + cell.valueBefore() + "» → «" + cell.valueAfter()
                            + "» (" + cell.ruleBefore() + " → " + cell.ruleAfter() + ")");
                }
                if (replay.cells().isEmpty()) {
                    replay.differences().forEach(d -> changes.add(d.path()));
                }
                var request = json.tree(receipt.request());
                affected.add(new Affected(receipt.decisionId(), receipt.decision(), receipt.registryId(),
                        request.path("service").path("name").asText(null), receipt.asOf().toString(), changes));
            }
            if (truncated || page.size() < PAGE) {
                break;
            }
        }
        return new Impact(against.version(), examined, changed, refused, byCell, byClause, affected, truncated);
    }
}
