package org.reglament.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How requests and answers are stored: deflated and base64-encoded behind a "z:" prefix. An answer is tens of
 * kilobytes of repetitive JSON; stored deflated it is a tenth of that, which is what keeps the log's cost within
 * its budget (docs/benchmarks.md). Text without the prefix reads as itself.
 */
public final class StoredText {
    private static final String PREFIX = "z:";

    private StoredText() {
    }

    public static String encode(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    public static String decode(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] input = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 8);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored receipt text is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored receipt text is not deflated data", e);
        } finally {
            inflater.end();
        }
    }
}
