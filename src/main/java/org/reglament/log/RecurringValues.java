package org.reglament.log;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a value that recurs unchanged across answers (the citations, rules applied and interpretations of a
 * knowledge-base version: the same dozen or hundred values in every answer) from bytes written once. The bytes are
 * what the canonical mapper without this serializer writes for an equal value, so the answer is the same, byte for
 * byte; what is saved is encoding the same Russian and Kazakh quotes as UTF-8 again for every answer (about half of
 * serializing an action-matrix answer: docs/benchmarks.md, "Provenance for free").
 * <p>
 * Values are kept by equality, at most {@value #KEPT} of them (a few hundred per version); beyond that a value is
 * written as usual. Looked for by identity first: the values of a version are built once
 * ({@code org.reglament.decision.PreparedCitations}), so an answer mostly carries the very objects seen before, and
 * finding them by equality hashed every field of every citation and its quotes for each of them (a record's hash is
 * not kept), about 3 % of a request thread's samples under load (issue 17, point 3; docs/benchmarks.md, "Over HTTP").
 */
final class RecurringValues<T> extends StdSerializer<T> {
    static final int KEPT = 8192;

    private final ObjectMapper writing;
    private final Map<T, RawJson> written = new ConcurrentHashMap<>();
    /** The values last written, by identity; one whose slot another holds is found by equality instead. */
    private final IdentitySlots<RawJson> seen = new IdentitySlots<>();

    RecurringValues(Class<T> type, ObjectMapper writing) {
        super(type);
        this.writing = writing;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        IdentitySlots.Seen<RawJson> last = seen.find(value);
        RawJson json;
        if (last != null) {
            json = last.bytes();
        } else {
            json = written.get(value);
            if (json == null) {
                json = new RawJson(bytes(value));
                if (written.size() < KEPT) {
                    written.putIfAbsent(value, json);
                }
            }
            seen.hold(value, json);
        }
        generator.writeRawValue(json);
    }

    private byte[] bytes(T value) throws JsonProcessingException {
        return writing.writeValueAsBytes(value);
    }
}
