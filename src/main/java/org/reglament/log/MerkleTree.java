package org.reglament.log;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of a log stream, as Certificate Transparency defines it (RFC 9162, section 2.1): leaves are hashed
 * with a 0x00 prefix and interior nodes with 0x01, so no leaf can pass for a node; a tree of n leaves splits at the
 * largest power of two below n. The hashing, the inclusion and consistency proofs and their verification follow
 * the RFC's definitions and algorithms step by step, so that any RFC 9162 verifier checks Reglament's proofs.
 * <p>
 * A leaf is a receipt: its data is the receipt's SHA-256 digest (32 bytes), which covers everything the receipt
 * records ({@link Receipt#computeDigest()}).
 */
public final class MerkleTree {
    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /** The hash of an empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** A receipt's leaf hash: SHA-256(0x00 || digest), the digest as its 32 bytes. */
    public static byte[] leafHash(String receiptDigest) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(HexFormat.of().parseHex(receiptDigest));
        return sha.digest();
    }

    /** An interior node: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** MTH(D[from:to]) over leaf hashes. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return emptyRoot();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    /** PATH(m, D[n]) of RFC 9162 2.1.3.1: the audit path of leaf m in the tree of the first n leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int m, int n) {
        if (m < 0 || m >= n || n > leaves.size()) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        path(leaves, m, 0, n, path);
        return path;
    }

    private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(leaves, m, from, from + k, out);
            out.add(root(leaves, from + k, to));
        } else {
            path(leaves, m - k, from + k, to, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** PROOF(m, D[n]) of RFC 9162 2.1.4.1: that the tree of m leaves is a prefix of the tree of n, 0 < m < n. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m, int n) {
        if (m <= 0 || m > n || n > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n + " leaves");
        }
        List<byte[]> proof = new ArrayList<>();
        if (m < n) {
            subproof(leaves, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(root(leaves, from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, out);
            out.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, out);
            out.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 2.1.3.2: does the audit path lead from the leaf hash at leafIndex to the root of treeSize leaves? */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 2.1.4.2: does the proof show that the tree of {@code first} leaves with root {@code firstRoot} is a
     * prefix of the tree of {@code second} leaves with root {@code secondRoot}? Every tree extends the empty one.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The right edge of a growing tree (a "compact range"): the roots of its perfect subtrees, largest first, one for
     * each bit set in its size. Appending a leaf and computing the root cost O(log n) hashes, so the writer keeps the
     * root after every group without reading the stream back. Immutable: the writer keeps the old one until the
     * group it appended is durable.
     */
    public static final class Frontier {
        private final long size;
        private final List<byte[]> subtrees;

        private Frontier(long size, List<byte[]> subtrees) {
            this.size = size;
            this.subtrees = subtrees;
        }

        public static Frontier empty() {
            return new Frontier(0, List.of());
        }

        public long size() {
            return size;
        }

        public Frontier append(List<byte[]> leafHashes) {
            List<byte[]> next = new ArrayList<>(subtrees);
            long count = size;
            for (byte[] leaf : leafHashes) {
                next.add(leaf);
                count++;
                // Merge while the two last subtrees are of equal size: one merge per trailing zero bit of the size.
                for (long s = count; (s & 1) == 0; s >>= 1) {
                    byte[] right = next.remove(next.size() - 1);
                    byte[] left = next.remove(next.size() - 1);
                    next.add(nodeHash(left, right));
                }
            }
            return new Frontier(count, List.copyOf(next));
        }

        public byte[] root() {
            if (subtrees.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = subtrees.get(subtrees.size() - 1);
            for (int i = subtrees.size() - 2; i >= 0; i--) {
                root = nodeHash(subtrees.get(i), root);
            }
            return root;
        }

        /** The subtrees as hex, joined by commas (the stream row keeps it, so a writer resumes without a replay). */
        public String encode() {
            StringBuilder text = new StringBuilder();
            for (byte[] subtree : subtrees) {
                if (!text.isEmpty()) {
                    text.append(',');
                }
                text.append(HexFormat.of().formatHex(subtree));
            }
            return text.toString();
        }

        public static Frontier decode(long size, String encoded) {
            List<byte[]> subtrees = new ArrayList<>();
            if (encoded != null && !encoded.isEmpty()) {
                for (String hex : encoded.split(",")) {
                    subtrees.add(HexFormat.of().parseHex(hex));
                }
            }
            if (subtrees.size() != Long.bitCount(size)) {
                throw new IllegalArgumentException("a frontier of " + subtrees.size() + " subtrees cannot be a tree of "
                        + size + " leaves");
            }
            return new Frontier(size, List.copyOf(subtrees));
        }
    }
}
