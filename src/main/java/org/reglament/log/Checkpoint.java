package org.reglament.log;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A signed tree head of one log stream, in the C2SP {@code tlog-checkpoint} form inside a C2SP signed note (the
 * text form Go's checksum database and Sigstore's Rekor use, so their tools read it):
 *
 * <pre>
 * reglament.local/decision-log/stream/1      the origin: the log and its stream
 * 1843                                       the tree size: receipts 0..1842 of the stream
 * 3B0dNvoXg6kRqx5sKWgZ0EO0Rk4o4m8nSN0fRu6vW7Y=   the root hash (RFC 9162), base64
 *
 * — reglament.local/decision-log AbCd1234…    the key's name, then base64(4-byte key id || Ed25519 signature)
 * </pre>
 * <p>
 * The signature covers the three lines of the body, newlines included. Whoever holds a checkpoint and the log's
 * public key can show later that the stream still holds those receipts unchanged (a consistency proof) and that a
 * receipt is among them (an inclusion proof): neither can be forged without the signing key, which is not in the
 * database.
 */
public record Checkpoint(String origin, long treeSize, byte[] root, String note) {
    static final String DASH = "\u2014 ";

    /** The body that is signed. */
    static String body(String origin, long treeSize, byte[] root) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }

    /** The stream a checkpoint's origin names, or -1 if it names none of this log's. */
    public int stream() {
        int at = origin.lastIndexOf("/stream/");
        if (at < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(origin.substring(at + "/stream/".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Reads a checkpoint note without checking its signature ({@link LogKey#verify}).
     *
     * @throws IllegalArgumentException naming what is wrong with the text
     */
    public static Checkpoint parse(String note) {
        String text = note.replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a checkpoint is a body, a blank line and a signature line");
        }
        String[] lines = text.substring(0, blank + 1).split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint body has an origin, a tree size and a root hash");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tree size \"" + lines[1] + "\" is not a number");
        }
        if (size < 0 || !lines[1].equals(Long.toString(size))) {
            throw new IllegalArgumentException("the tree size \"" + lines[1] + "\" is not a decimal count");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64");
        }
        if (root.length != MerkleTree.HASH_BYTES) {
            throw new IllegalArgumentException("the root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], size, root, text);
    }

    /** The signed body, as the signature covers it. */
    String signedBody() {
        return note.substring(0, note.indexOf("\n\n") + 1);
    }

    /** The signature lines: key name and base64(key id || signature). */
    String[][] signatures() {
        String[] lines = note.substring(note.indexOf("\n\n") + 2).split("\n");
        return java.util.Arrays.stream(lines).filter(line -> line.startsWith(DASH))
                .map(line -> line.substring(DASH.length()).split(" ", 2))
                .filter(parts -> parts.length == 2).toArray(String[][]::new);
    }

    byte[] bodyBytes() {
        return signedBody().getBytes(StandardCharsets.UTF_8);
    }
}
