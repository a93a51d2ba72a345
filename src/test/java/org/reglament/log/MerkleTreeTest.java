package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The tree, its proofs and their verification against RFC 9162: every proof for every leaf and every pair of sizes
 * of trees up to 70 leaves verifies, and none verifies for another leaf, another size or another root.
 */
class MerkleTreeTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(Digests.sha256("receipt " + i)));
        }
        return leaves;
    }

    @Test
    void hashesAsTheRfcDefinesThem() {
        // MTH({}) = SHA-256(), MTH({d0}) = SHA-256(0x00 || d0), MTH(D[2]) = SHA-256(0x01 || MTH(d0) || MTH(d1)).
        assertThat(HexFormat.of().formatHex(MerkleTree.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String digest = Digests.sha256("a receipt");
        byte[] leafInput = new byte[33];
        System.arraycopy(HexFormat.of().parseHex(digest), 0, leafInput, 1, 32);
        assertThat(MerkleTree.leafHash(digest)).isEqualTo(HexFormat.of().parseHex(Digests.sha256(leafInput)));
        List<byte[]> three = leaves(3);
        byte[] expected = MerkleTree.nodeHash(MerkleTree.nodeHash(three.get(0), three.get(1)), three.get(2));
        assertThat(MerkleTree.root(three, 0, 3)).isEqualTo(expected);
        assertThat(MerkleTree.nodeHash(three.get(0), three.get(1))).isEqualTo(HexFormat.of().parseHex(Digests.sha256(
                concat(new byte[] {1}, three.get(0), three.get(1)))));
    }

    @Test
    void theFrontierGivesTheRootOfEverySizeAndSurvivesEncoding() {
        List<byte[]> leaves = leaves(70);
        MerkleTree.Frontier frontier = MerkleTree.Frontier.empty();
        assertThat(frontier.root()).isEqualTo(MerkleTree.emptyRoot());
        for (int n = 1; n <= 70; n++) {
            frontier = frontier.append(List.of(leaves.get(n - 1)));
            assertThat(frontier.root()).as("size " + n).isEqualTo(MerkleTree.root(leaves, 0, n));
            MerkleTree.Frontier decoded = MerkleTree.Frontier.decode(n, frontier.encode());
            assertThat(decoded.root()).isEqualTo(frontier.root());
        }
        assertThat(MerkleTree.Frontier.empty().append(leaves).root()).isEqualTo(MerkleTree.root(leaves, 0, 70));
    }

    @Test
    void everyInclusionProofVerifiesAndNoneForAnotherLeafOrRoot() {
        List<byte[]> leaves = leaves(70);
        for (int n = 1; n <= 70; n++) {
            byte[] root = MerkleTree.root(leaves, 0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, m, n);
                assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, root)).as(m + " of " + n).isTrue();
                assertThat(MerkleTree.verifyInclusion(m, n, leaves.get((m + 1) % 70), proof, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((m + 1) % n, n, leaves.get(m), proof, root)).isFalse();
                }
                if (n < 70) {
                    assertThat(MerkleTree.verifyInclusion(m, n, leaves.get(m), proof, MerkleTree.root(leaves, 0, n + 1)))
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndNoneForARewrittenHistory() {
        List<byte[]> leaves = leaves(70);
        List<byte[]> rewritten = new ArrayList<>(leaves);
        rewritten.set(5, MerkleTree.leafHash(Digests.sha256("forged")));
        for (int n = 1; n <= 70; n++) {
            byte[] second = MerkleTree.root(leaves, 0, n);
            for (int m = 1; m <= n; m++) {
                byte[] first = MerkleTree.root(leaves, 0, m);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).as(m + " to " + n).isTrue();
                if (m > 5) {
                    // The history before m was rewritten and every hash after it recomputed: the proof cannot hold.
                    List<byte[]> forged = MerkleTree.consistencyProof(rewritten, m, n);
                    assertThat(MerkleTree.verifyConsistency(m, n, first, MerkleTree.root(rewritten, 0, n), forged))
                            .as("rewritten " + m + " to " + n).isFalse();
                }
                if (m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, first, MerkleTree.root(leaves, 0, n - 1), proof))
                            .isFalse();
                }
            }
        }
        assertThat(MerkleTree.verifyConsistency(0, 9, MerkleTree.emptyRoot(), MerkleTree.root(leaves, 0, 9), List.of()))
                .isTrue();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
