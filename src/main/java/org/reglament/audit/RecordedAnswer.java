package org.reglament.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An answer sent as the very text its receipt keeps (canonical JSON), with the receipt's digest added: the answer
 * is serialized once, and what the caller gets is byte for byte what the log holds, plus the digest.
 */
public record RecordedAnswer(@JsonValue @JsonRawValue String json) {

    static RecordedAnswer of(String canonicalAnswer, String digest) {
        // Canonical text is an object, "{...}"; the digest goes first, where a reader finds it.
        return new RecordedAnswer("{\"digest\":\"" + digest + "\"," + canonicalAnswer.substring(1));
    }
}
