package org.reglament.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * An answer sent as the very bytes its receipt keeps (canonical JSON, UTF-8), with the receipt's digest and its place
 * in the log added in front: the answer is serialized once, and what the caller gets is byte for byte what the log
 * holds, plus {@code "digest"} and {@code "log": {"stream", "leafIndex", "checkpoint"}} (the latest signed checkpoint
 * of the stream; an inclusion proof against a later one shows the receipt in the log).
 */
@JsonSerialize(using = RecordedAnswer.Writer.class)
public final class RecordedAnswer implements SerializableString {
    private final byte[] json;
    private String text;

    private RecordedAnswer(byte[] json) {
        this.json = json;
    }

    static RecordedAnswer of(byte[] canonicalAnswer, DecisionLog.Position position) {
        // Canonical text is an object, "{...}"; the receipt's fields go first, where a reader finds them.
        StringBuilder head = new StringBuilder(400).append("{\"digest\":\"").append(position.digest())
                .append("\",\"log\":{");
        if (position.checkpoint() != null) {
            head.append("\"checkpoint\":\"").append(JsonStringEncoder.getInstance().quoteAsString(
                    position.checkpoint().note())).append("\",");
        }
        head.append("\"leafIndex\":").append(position.leafIndex()).append(",\"stream\":").append(position.stream())
                .append("},");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[headBytes.length + canonicalAnswer.length - 1];
        System.arraycopy(headBytes, 0, json, 0, headBytes.length);
        System.arraycopy(canonicalAnswer, 1, json, headBytes.length, canonicalAnswer.length - 1);
        return new RecordedAnswer(json);
    }

    /** Writes the bytes as they are, a JSON value of their own. */
    static final class Writer extends StdSerializer<RecordedAnswer> {
        Writer() {
            super(RecordedAnswer.class);
        }

        @Override
        public void serialize(RecordedAnswer answer, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue(answer);
        }
    }

    // What follows lets Jackson copy the bytes straight into its output (UTF-8 generators use the unquoted bytes; a
    // character-based one, the text).

    @Override
    public String getValue() {
        if (text == null) {
            text = new String(json, StandardCharsets.UTF_8);
        }
        return text;
    }

    @Override
    public int charLength() {
        return getValue().length();
    }

    @Override
    public char[] asQuotedChars() {
        return JsonStringEncoder.getInstance().quoteAsString(getValue());
    }

    @Override
    public byte[] asUnquotedUTF8() {
        return json;
    }

    @Override
    public byte[] asQuotedUTF8() {
        return JsonStringEncoder.getInstance().quoteAsUTF8(getValue());
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
        return copy(asQuotedUTF8(), buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
        char[] quoted = asQuotedChars();
        if (offset + quoted.length > buffer.length) {
            return -1;
        }
        System.arraycopy(quoted, 0, buffer, offset, quoted.length);
        return quoted.length;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
        return copy(json, buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
        String value = getValue();
        if (offset + value.length() > buffer.length) {
            return -1;
        }
        value.getChars(0, value.length(), buffer, offset);
        return value.length();
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
        byte[] quoted = asQuotedUTF8();
        out.write(quoted);
        return quoted.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
        out.write(json);
        return json.length;
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) {
        return put(asQuotedUTF8(), buffer);
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
        return put(json, buffer);
    }

    @Override
    public String toString() {
        return getValue();
    }

    private static int copy(byte[] bytes, byte[] buffer, int offset) {
        if (offset + bytes.length > buffer.length) {
            return -1;
        }
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        return bytes.length;
    }

    private static int put(byte[] bytes, ByteBuffer buffer) {
        if (buffer.remaining() < bytes.length) {
            return -1;
        }
        buffer.put(bytes);
        return bytes.length;
    }
}
