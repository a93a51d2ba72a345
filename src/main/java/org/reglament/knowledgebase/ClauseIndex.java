package org.reglament.knowledgebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clauses of one text as {@link ClauseSplitter} found them, kept beside the text ({@code .clauses.json}) so that
 * every knowledge-base version carries its own: each clause's id and where it lies in the verbatim text. The file
 * is generated, one clause a line so that a change reads well in a diff; {@code starts} repeats the first characters
 * of each clause, so a text that changed under its index is noticed rather than sliced at the wrong places.
 */
public record ClauseIndex(String text, String generated, List<Entry> clauses) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int STARTS = 40;

    public ClauseIndex {
        clauses = List.copyOf(clauses);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String id, String kind, String parent, String number, String heading, int from, int to,
                        String starts) {
    }

    static Entry entry(Clause clause) {
        String first = clause.text().lines().findFirst().orElse("");
        return new Entry(clause.id(), clause.kind(), clause.parent(), clause.number(), clause.heading(), clause.from(),
                clause.to(), first.substring(0, Math.min(STARTS, first.length())));
    }

    public static ClauseIndex of(String textFile, List<Clause> clauses) {
        return new ClauseIndex(textFile, "by ClauseSplitter from the text and the outline in its .yaml; do not edit:"
                + " regenerate (README, Layout)", clauses.stream().map(ClauseIndex::entry).toList());
    }

    public static ClauseIndex parse(byte[] json) throws IOException {
        return JSON.readValue(json, ClauseIndex.class);
    }

    /** The file's text: a JSON object with one clause a line. */
    public String toJson() {
        try {
            StringBuilder out = new StringBuilder("{\"text\": ").append(JSON.writeValueAsString(text))
                    .append(",\n \"generated\": ").append(JSON.writeValueAsString(generated))
                    .append(",\n \"clauses\": [\n");
            for (int i = 0; i < clauses.size(); i++) {
                out.append("  ").append(JSON.writeValueAsString(clauses.get(i)))
                        .append(i + 1 < clauses.size() ? ",\n" : "\n");
            }
            return out.append(" ]}\n").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
