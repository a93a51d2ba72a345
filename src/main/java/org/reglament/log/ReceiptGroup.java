package org.reglament.log;

import java.util.List;
import java.util.Map;

/**
 * Receipts the writer sealed together, in leaf order of their stream, the answer dictionaries they are the first to
 * need (id to content), and the stream's tree root (hex) after them: what one group commit, or one journal record,
 * holds.
 */
record ReceiptGroup(int stream, List<ReceiptRepository.Row> rows, Map<String, byte[]> dictionaries, String root) {

    long firstLeaf() {
        return rows.get(0).leafIndex();
    }

    /** The tree size after the group. */
    long treeSize() {
        return rows.get(rows.size() - 1).leafIndex() + 1;
    }

    List<byte[]> leafHashes() {
        return rows.stream().map(row -> MerkleTree.leafHash(row.digest())).toList();
    }
}
