package org.reglament.completeness;

import java.util.List;
import java.util.Map;

/** An act's documents.yaml: the documents its procedure requires and their parts, each with its quote. */
public record DocumentsData(Map<String, Document> documents) {

    public record Document(String name, String nameKk, String clause, List<Part> parts) {
    }

    /** {@code quoteMissing} explains a part whose Russian text has no words to quote. */
    public record Part(String id, String name, String quote, String quoteKk, boolean optional, String quoteMissing) {
    }
}
