package org.reglament.registry;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reglament.log.IdentitySlots;

/**
 * The answer as CSV, written by Commons CSV: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8 whatever
 * the input's encoding was), the input's delimiter, the input's rows in order with the answer's columns after them.
 * The stream stays the caller's: it is flushed, not closed.
 *
 * <p>Every record goes out as its UTF-8 bytes, made by {@link #prepare} on the thread that decided the row: the
 * reading thread, which writes the rows in order, then only copies bytes (encoding Cyrillic text through a
 * {@code Writer} on that thread took half of its time). A record is its values as {@link CSVFormat#print} writes
 * each, delimiter and quotes included, then the record separator, which is what {@link CSVPrinter#printRecord}
 * writes; the bytes of a value that recurs as the very same string (the answer's cells: the knowledge base's rule
 * names, clauses and reasons) are kept from its second row on, so that each row quotes and encodes only its own
 * text (both were a fifth of the deciding threads' time).
 */
final class CsvRegistryWriter implements RegistryWriter {
    private static final byte[] BYTE_ORDER_MARK = "\uFEFF".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final Supplier<Character> delimiter;
    private final IdentitySlots<byte[]> recurring = new IdentitySlots<>();
    private BufferedOutputStream bytes;
    /** Set by {@link #start}, before any row is decided (the rows are handed to the deciding threads after it). */
    private CSVFormat format;
    private byte[] recordEnd;

    /** @param delimiter the input's delimiter, known once the reader has looked at the first rows */
    CsvRegistryWriter(OutputStream out, Supplier<Character> delimiter) {
        this.out = out;
        this.delimiter = delimiter;
    }

    @Override
    public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException {
        bytes = new BufferedOutputStream(out, 64 * 1024);
        bytes.write(BYTE_ORDER_MARK);
        format = CsvRegistryReader.format(delimiter.get());
        StringBuilder end = new StringBuilder();
        format.println(end);
        recordEnd = utf8(end);
        for (SourceRow row : preamble) {
            bytes.write(record(row.cells()));
        }
        for (int i = 0; i < headerRows.size() - 1; i++) {
            bytes.write(record(headerRows.get(i).cells()));
        }
        bytes.write(record(header));
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells) throws IOException {
        bytes.write(record(cells));
    }

    @Override
    public Object prepare(List<String> cells) {
        return record(cells);
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells, Object prepared) throws IOException {
        bytes.write(prepared instanceof byte[] record ? record : record(cells));
    }

    /** The record as {@link CSVPrinter#printRecord} writes it, separator included, in UTF-8. */
    private byte[] record(List<String> cells) {
        ByteArrayOutputStream record = new ByteArrayOutputStream(2048);
        // The values not kept yet (the row's own text), as the format writes them, until a kept one comes.
        StringBuilder written = new StringBuilder(1024);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            // The first value is written as a record's first (an empty one quoted, so the line is not blank).
            byte[] kept = c == 0 || cell == null ? null : recurring.keptFromSecond(cell, this::following);
            if (kept == null) {
                print(cell, written, c == 0);
            } else {
                if (!written.isEmpty()) {
                    record.writeBytes(utf8(written));
                    written.setLength(0);
                }
                record.writeBytes(kept);
            }
        }
        if (!written.isEmpty()) {
            record.writeBytes(utf8(written));
        }
        record.writeBytes(recordEnd);
        return record.toByteArray();
    }

    /** A value after a record's first: the delimiter, then the value as the format quotes it. */
    private byte[] following(String cell) {
        StringBuilder text = new StringBuilder(cell.length() + 8);
        print(cell, text, false);
        return utf8(text);
    }

    private void print(String cell, StringBuilder text, boolean first) {
        try {
            format.print(cell, text, first);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void finish(BatchSummary summary) throws IOException {
        bytes.flush();
    }

    @Override
    public void close() throws IOException {
        if (bytes != null) {
            bytes.flush();
        }
    }
}
