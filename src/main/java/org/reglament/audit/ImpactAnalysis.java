package org.reglament.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reglament.log.CanonicalJson;
import org.reglament.log.LogPosition;
import org.reglament.log.Receipt;
import org.reglament.log.ReceiptFilter;
import org.reglament.log.ReceiptRepository;
import org.springframework.stereotype.Component;

/**
 * Replays every receipt a filter selects against a knowledge base (a candidate before it is adopted): how many
 * decisions would change, grouped by cell and by clause, and which services they concern. A registry batch's receipt
 * is replayed with its file (its rows are tallied the same way, by {@link Tally}); here it is listed, not replayed.
 */
@Component
public class ImpactAnalysis {
    private static final int PAGE = 500;

    private final ReceiptRepository receipts;
    private final CanonicalJson json;
    private final DecisionCatalog catalog;

    public ImpactAnalysis(ReceiptRepository receipts, CanonicalJson json, DecisionCatalog catalog) {
        this.receipts = receipts;
        this.json = json;
        this.catalog = catalog;
    }

    /**
     * @param replayedWithTheirFile registry batches among the receipts: each is replayed by posting its file to its
     *                              replay, which tallies its rows the same way
     */
    public record Impact(String against, long examined, long changed, long refused, Map<String, Long> byCell,
                         Map<String, Long> byClause, List<Affected> affected, boolean truncated,
                         List<String> replayedWithTheirFile) {
    }

    /** A decision that would change: its service and what changed. */
    public record Affected(String decisionId, String decision, String registryId, String service, String asOf,
                           List<String> changes) {
    }

    /** Replays counted one by one: how many changed, by cell and by clause, and which decisions (or rows) changed. */
    public static final class Tally {
        private final int limit;
        private long examined;
        private long changed;
        private long refused;
        private final Map<String, Long> byCell = new TreeMap<>();
        private final Map<String, Long> byClause = new TreeMap<>();
        private final List<Affected> affected = new ArrayList<>();
        private final List<String> withTheirFile = new ArrayList<>();
        private boolean truncated;

        /** @param limit how many replays are counted (of a receipt filter), or listed as affected (of a batch's rows) */
        public Tally(int limit) {
            this.limit = limit;
        }

        boolean full() {
            return examined == limit;
        }

        /** One replay: of a decision, or of a batch's row ({@code decisionId} then names the row). */
        public void add(Replayer.Replay replay, String decisionId, String decision, String registryId, String service,
                        String asOf) {
            examined++;
            if (replay.reproduced()) {
                return;
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
            if (affected.size() < limit) {
                affected.add(new Affected(decisionId, decision, registryId, service, asOf, changes));
            } else {
                truncated = true;
            }
        }

        void withTheirFile(String decisionId) {
            withTheirFile.add(decisionId);
        }

        public Impact impact(String against) {
            return new Impact(against, examined, changed, refused, Collections.unmodifiableMap(new TreeMap<>(byCell)),
                    Collections.unmodifiableMap(new TreeMap<>(byClause)), List.copyOf(affected), truncated,
                    List.copyOf(withTheirFile));
        }
    }

    public Impact analyse(ReceiptFilter filter, Replaying against, int limit) {
        Tally tally = new Tally(limit);
        // Paged by position, not by number: an offset would read and drop every receipt before the page (quadratic
        // over a log of millions), and a receipt stored meanwhile that sorts earlier would push one onto the next page
        // to be replayed twice.
        LogPosition after = null;
        while (true) {
            List<Receipt> page = receipts.searchAfter(filter, after, PAGE);
            for (Receipt receipt : page) {
                if (tally.full()) {
                    tally.truncated = true;
                    break;
                }
                if (catalog.replaysWithItsFile(receipt.decision())) {
                    tally.withTheirFile(receipt.decisionId());
                    continue;
                }
                Replayer.Replay replay = against.replay(receipt);
                var request = json.tree(receipt.request());
                tally.add(replay, receipt.decisionId(), receipt.decision(), receipt.registryId(),
                        request.path("service").path("name").asText(null), receipt.asOf().toString());
            }
            if (tally.truncated || page.size() < PAGE) {
                break;
            }
            after = LogPosition.of(page.get(page.size() - 1));
        }
        return tally.impact(against.version());
    }
}
