package org.reglament.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import org.reglament.decision.DecisionEnvelope;

/**
 * The answer as JSON Lines: per service row, the row's number and cells as read, and the JSON endpoint's answer for
 * it (the decision, date, edition, knowledge-base version, result with its citations, rules fired, interpretations)
 * or its errors; a last line holds the summary.
 */
final class JsonLinesRegistryWriter implements RegistryWriter {
    private final SequenceWriter lines;
    private final JsonGenerator generator;
    private List<String> labels;

    JsonLinesRegistryWriter(OutputStream out, ObjectMapper json) throws IOException {
        generator = json.getFactory().createGenerator(out);
        generator.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        lines = json.writer().withRootValueSeparator("\n").writeValues(generator);
    }

    @Override
    public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) {
        labels = header;
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells) throws IOException {
        if (outcome.kind() != RowOutcome.Kind.SERVICE) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("row", outcome.row());
        Map<String, String> input = new LinkedHashMap<>();
        for (int c = 0; c < outcome.input().size(); c++) {
            String label = c < labels.size() && !labels.get(c).isBlank() ? labels.get(c) : RegistryHeader.columnName(c);
            input.putIfAbsent(label, outcome.input().get(c));
        }
        line.put("input", input);
        if (outcome.answered()) {
            DecisionEnvelope<?> envelope = outcome.decided().envelope();
            line.put("decision", envelope.decision());
            line.put("asOf", envelope.asOf());
            line.put("regulation", envelope.regulation());
            line.put("knowledgeBaseVersion", envelope.knowledgeBaseVersion());
            line.put("result", RowOutcome.withService(envelope.result(), outcome.service()));
            line.put("rulesFired", envelope.rulesFired());
            line.put("interpretations", envelope.interpretations());
        } else {
            line.put("errors", outcome.problems());
        }
        lines.write(line);
    }

    @Override
    public void finish(BatchSummary summary) throws IOException {
        lines.write(Map.of("summary", summary));
        generator.writeRaw('\n');
        lines.flush();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
