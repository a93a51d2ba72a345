package org.reglament.log;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * An answer sent as the very bytes its receipt keeps (canonical JSON, UTF-8), with the receipt's digest and its place
 * in the log added in front: the answer is serialized once, and what the caller gets is byte for byte what the log
 * holds, plus {@code "digest"} and {@code "log": {"stream", "leafIndex", "checkpoint"}} (the latest signed checkpoint
 * of the stream; an inclusion proof against a later one shows the receipt in the log).
 */
final class RecordedAnswer {

    private RecordedAnswer() {
    }

    static RawJson of(byte[] canonicalAnswer, DecisionLog.Position position) {
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
        return new RawJson(json);
    }
}
