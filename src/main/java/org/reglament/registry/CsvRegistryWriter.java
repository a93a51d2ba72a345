package org.reglament.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The answer as CSV, written by Commons CSV: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8 whatever
 * the input's encoding was), the input's delimiter, the input's rows in order with the answer's columns after them.
 * The stream stays the caller's: it is flushed, not closed.
 */
final class CsvRegistryWriter implements RegistryWriter {
    private final OutputStream out;
    private final Supplier<Character> delimiter;
    private CSVPrinter printer;
    private BufferedWriter text;
    /** Set by {@link #start}, before any row is decided (the rows are handed to the deciding threads after it). */
    private CSVFormat format;

    /** @param delimiter the input's delimiter, known once the reader has looked at the first rows */
    CsvRegistryWriter(OutputStream out, Supplier<Character> delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    @Override
    public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        text = writer;
        format = CsvRegistryReader.format(delimiter.get());
        printer = new CSVPrinter(writer, format);
        for (SourceRow row : preamble) {
            printer.printRecord(row.cells());
        }
        for (int i = 0; i < headerRows.size() - 1; i++) {
            printer.printRecord(headerRows.get(i).cells());
        }
        printer.printRecord(header);
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells) throws IOException {
        printer.printRecord(cells);
    }

    /** The record as {@link CSVPrinter#printRecord} writes it, separator included. */
    @Override
    public Object prepare(List<String> cells) {
        StringBuilder record = new StringBuilder(2048);
        try {
            new CSVPrinter(record, format).printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return record.toString();
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells, Object prepared) throws IOException {
        if (prepared instanceof String record) {
            text.write(record);
        } else {
            row(outcome, cells);
        }
    }

    @Override
    public void finish(BatchSummary summary) throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        if (printer != null) {
            printer.flush();
        }
    }
}
