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

    /**
     * What {@link #row} can make of a row's outgoing cells before the row's turn comes, on the thread that decided the
     * row: after {@link #start}, in any order and on several threads at once (a CSV record's text: the reading thread,
     * which writes the rows in order, was the batch's busiest). Null when the writer has nothing to prepare.
     */
    default Object prepare(List<String> cells) {
        return null;
    }

    /** {@link #row} with what {@link #prepare} made of the same cells. */
    default void row(RowOutcome outcome, List<String> cells, Object prepared) throws IOException {
        row(outcome, cells);
    }

    /** After the last row; the summary of the batch. */
    void finish(BatchSummary summary) throws IOException;

    /** A row as the file had it. */
    record SourceRow(long number, List<String> cells) {
    }
}
