package org.reglament.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks, as a JSON body is read, that it is UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8). The JSON
 * reader checks string values itself, but not every byte of a field name: with its table of known names warm it read
 * {@code "serv\xFFice"} as {@code service} and {@code "explanatoryNoteAttac\xFFhed"} as {@code explanatoryNoteAttached}
 * (Jackson 2.21; the fuzz probe found it), a malformed request answered as if it were valid.
 * <p>
 * A zero byte is refused as well: JSON text never holds one (a control character in a string is escaped), and a body
 * in UTF-16 or UTF-32 without a byte-order mark is ASCII with zero bytes between, which is valid UTF-8 byte by byte
 * and which the JSON reader would otherwise detect and read as UTF-16.
 */
final class Utf8Body {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer decoded = CharBuffer.allocate(1024);
    /** The start of a character whose remaining bytes are still to come (at most three bytes). */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean ended;

    /** Thrown from the body stream at the first byte that is not UTF-8. */
    static final class NotUtf8Exception extends IOException {
        private final String reason;

        NotUtf8Exception() {
            this("the body is not UTF-8 text");
        }

        NotUtf8Exception(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** What the caller is told. */
        String reason() {
            return reason;
        }
    }

    void accept(byte[] bytes, int offset, int length) throws NotUtf8Exception {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == 0) {
                throw new NotUtf8Exception("the body is not UTF-8 text: it holds a zero byte, which JSON text never"
                        + " does (UTF-16 or UTF-32 has them)");
            }
        }
        ByteBuffer in;
        if (pending.hasRemaining()) {
            in = ByteBuffer.allocate(pending.remaining() + length).put(pending).put(bytes, offset, length).flip();
        } else {
            in = ByteBuffer.wrap(bytes, offset, length);
        }
        decode(in, false);
        pending = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
    }

    /** The body has ended: a character cut short is not UTF-8 either. */
    void end() throws NotUtf8Exception {
        if (ended) {
            return; // a reader may look past the end more than once
        }
        ended = true;
        decode(pending, true);
        decoded.clear();
        if (pending.hasRemaining() || decoder.flush(decoded).isError()) {
            throw new NotUtf8Exception();
        }
    }

    private void decode(ByteBuffer in, boolean last) throws NotUtf8Exception {
        while (true) {
            decoded.clear();
            CoderResult result = decoder.decode(in, decoded, last);
            if (result.isError()) {
                throw new NotUtf8Exception();
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }
}
