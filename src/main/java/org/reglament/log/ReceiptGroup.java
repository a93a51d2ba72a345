package org.reglament.log;

import java.util.List;
import java.util.Map;

/**
 * Receipts the writer sealed together, in chain order, and the answer dictionaries they are the first to need
 * (id to content): what one group commit, or one journal record, holds.
 */
record ReceiptGroup(List<ReceiptRepository.Row> rows, Map<String, byte[]> dictionaries) {

    long lastSeq() {
        return rows.get(rows.size() - 1).seq();
    }
}
