package org.reglament.log;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.reglament.decision.Citation;
import org.reglament.decision.Interpretation;
import org.reglament.decision.RuleApplied;
import org.springframework.stereotype.Component;

/**
 * JSON in one canonical form (keys sorted, no nulls, ISO dates), so that the same request or answer is
 * always the same text: what receipts store, digest and compare.
 */
@Component
public class CanonicalJson {
    private final ObjectMapper mapper;

    public CanonicalJson(ObjectMapper application) {
        // The parts every answer of a knowledge-base version repeats are written once, by the same canonical mapper.
        ObjectMapper everyValue = canonical().build();
        SimpleModule recurring = new SimpleModule("recurring-answer-parts");
        recur(recurring, Citation.class, everyValue);
        recur(recurring, RuleApplied.class, everyValue);
        recur(recurring, Interpretation.class, everyValue);
        recurring.addSerializer(String.class, new RecurringStrings(everyValue));
        this.mapper = canonical().addModule(recurring).build();
        // Reading requests back must be as strict as the API itself.
        this.mapper.setConfig(application.getDeserializationConfig());
    }

    /** The canonical form, every value written out. */
    static JsonMapper.Builder canonical() {
        return JsonMapper.builder()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .findAndAddModules();
    }

    private static <T> void recur(SimpleModule module, Class<T> type, ObjectMapper writing) {
        module.addSerializer(type, new RecurringValues<>(type, writing));
    }

    public String write(Object value) {
        try {
            // Properties are sorted alphabetically and map entries by key: one pass gives the canonical text.
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    /** The same canonical text, UTF-8: what an answer is digested, stored and sent as. */
    public byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON", e);
        }
    }

    /**
     * {@code tree(json).path(object).path(field).asText(null)}, read without building the tree when the value is a
     * string or absent (a receipt's registry id: building the request's tree for it was about 2 % of a request
     * thread's samples under load; issue 17, point 3). Any other value is read from the tree, as before.
     */
    public String textAt(String json, String object, String field) {
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return tree(json).path(object).path(field).asText(null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = parser.currentName().equals(object);
                JsonToken value = parser.nextToken();
                if (!wanted) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_OBJECT) {
                    return null; // path() of anything but an object is missing
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean found = parser.currentName().equals(field);
                    JsonToken inner = parser.nextToken();
                    if (found) {
                        return inner == JsonToken.VALUE_STRING ? parser.getText()
                                : tree(json).path(object).path(field).asText(null);
                    }
                    parser.skipChildren();
                }
                return null;
            }
            return null; // no such object
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored receipt is not JSON", e);
        }
    }

    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored receipt is not JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored request no longer reads as " + type.getSimpleName(), e);
        }
    }
}
