package org.reglament.log;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a string that recurs in answers as the very same object (a cell's name and its reason, a step's name, an
 * act's title: the knowledge base's texts and the rules' literals, mostly Russian) from its JSON bytes written once,
 * by the canonical mapper without this serializer, so the answer is the same, byte for byte. Writing them out
 * character by character, two UTF-8 bytes each, was about 5 % of a request thread's samples under load after the
 * citations were kept ({@link RecurringValues}); issue 17, point 3 (docs/benchmarks.md, "Over HTTP").
 * <p>
 * Only by identity, in a direct-mapped cache: a string made for one answer (its decision id, the caller's own
 * values) is written as usual and costs a slot; its bytes are kept from the second time the same object is written,
 * so a string seen once costs no second encoding. Short strings are written as usual: looking for them costs more
 * than writing them.
 */
final class RecurringStrings extends StdSerializer<String> {
    /** Strings shorter than this (in chars) are written as usual. */
    static final int SHORTEST = 16;

    private final ObjectMapper writing;
    /** The strings last written, by identity, with their bytes from the second time on. */
    private final IdentitySlots<RawJson> seen = new IdentitySlots<>();

    RecurringStrings(ObjectMapper writing) {
        super(String.class);
        this.writing = writing;
    }

    @Override
    public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        if (value.length() < SHORTEST) {
            generator.writeString(value);
            return;
        }
        RawJson json = seen.keptFromSecond(value, this::json);
        if (json == null) {
            generator.writeString(value); // the first time this very string is written
        } else {
            generator.writeRawValue(json);
        }
    }

    private RawJson json(String value) {
        try {
            return new RawJson(writing.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a string always writes
        }
    }
}
