package org.reglament.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

final class Digests {
    private static final byte SEPARATOR = '\n';

    private Digests() {
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /**
     * The SHA-256 of the fields (UTF-8) joined by newlines: the same value as the digest of the joined text, without
     * building it (an answer is tens of kilobytes).
     */
    static String ofFields(byte[]... fields) {
        MessageDigest digest = sha256();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                digest.update(SEPARATOR);
            }
            digest.update(fields[i]);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
