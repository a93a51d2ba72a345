package org.reglament.registry;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes a batch's answer as it is decided, row by row, in the input's order. */
interface RegistryWriter extends Closeable {

    /** The rows above the header as they were, and the header: the input's, then the columns the answer adds. */
    void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException;

    /** One row of the file: its cells as they go out (the input's, then the answer's), and what was decided. */
    void row(RowOutcome outcome, List<String> cells) throws IOException;

    /** After the last row; the summary of the batch. */
    void finish(BatchSummary summary) throws IOException;

    /** A row as the file had it. */
    record SourceRow(long number, List<String> cells) {
    }
}
