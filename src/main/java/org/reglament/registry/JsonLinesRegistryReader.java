package org.reglament.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reglament.registry.RegistryFileException.Kind;

/**
 * JSON Lines: one object per line, its keys the columns (the form's Russian names or the JSON endpoint's field names),
 * its values text, numbers or true/false. The first object's keys are the header; a later key it lacks comes after the
 * header's columns and is reported in its row.
 */
final class JsonLinesRegistryReader implements RegistryReader {
    private final InputStream in;
    private final RegistryLimits limits;
    private final ObjectMapper json;

    JsonLinesRegistryReader(InputStream in, RegistryLimits limits, ObjectMapper json) {
        this.in = in;
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        TextInput text = TextInput.open(in, java.nio.charset.StandardCharsets.UTF_8, limits.maxRowChars(),
                RegistryFormat.JSONL);
        BufferedReader lines = new BufferedReader(text);
        List<String> keys = null;
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            text.rowDone(number);
            if (line.length() > limits.maxRowChars()) {
                throw RegistryBatch.rowTooLong(number, limits.maxRowChars());
            }
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> object = object(line, number);
            if (keys == null) {
                keys = new ArrayList<>(object.keySet());
                handler.row(0, List.copyOf(keys));
            }
            List<String> cells = new ArrayList<>(keys.size());
            for (String key : keys) {
                cells.add(object.getOrDefault(key, ""));
            }
            for (Map.Entry<String, String> extra : object.entrySet()) {
                if (!keys.contains(extra.getKey())) {
                    cells.add(extra.getKey() + ": " + extra.getValue());
                }
            }
            handler.row(number, cells);
        }
        if (keys == null) {
            throw new RegistryFileException(Kind.EMPTY, "(file)", "the file holds no JSON objects");
        }
    }

    private Map<String, String> object(String line, long number) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            // In the service's words: the reader's own message names its tokens and features.
            String why = org.reglament.api.InputProblems.syntax(e.getOriginalMessage());
            throw new RegistryFileException(Kind.MALFORMED, "line " + number, "line " + number + " is not JSON"
                    + (why.isEmpty() ? "" : why), e);
        }
        if (node == null || !node.isObject()) {
            throw new RegistryFileException(Kind.MALFORMED, "line " + number, "line " + number
                    + " is not a JSON object: JSON Lines hold one object per line");
        }
        if (node.size() > limits.maxColumns()) {
            throw RegistryBatch.tooManyColumns(number, node.size(), limits.maxColumns());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            // A name is a column of the answer and of the batch's digest: text a receipt can record as sent, as the
            // JSON endpoints' names are (the reader of a line takes a lone surrogate in a name that theirs refuses).
            String unrecordable = org.reglament.api.RequestValues.unrecordable(field.getKey());
            if (unrecordable != null) {
                throw new RegistryFileException(Kind.MALFORMED, "line " + number, "line " + number + ": a name holds"
                        + " text no receipt could record as sent: " + unrecordable);
            }
            JsonNode value = field.getValue();
            String cell = value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
            if (!cell.isEmpty() && cell.charAt(0) == '=' && value.isTextual()) {
                throw RegistryBatch.formula("«" + field.getKey() + "» of line " + number, cell);
            }
            values.put(field.getKey(), cell);
        }
        return values;
    }
}
