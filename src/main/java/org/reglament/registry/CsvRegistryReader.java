package org.reglament.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reglament.registry.RegistryFileException.Kind;

/**
 * CSV as Russian spreadsheets export it: «;» (Excel's Russian default) or «,» or a tab, told from which of them splits
 * the first rows into a recognizable header; quoted cells may hold line breaks and the delimiter. Parsed by Commons
 * CSV, row by row.
 */
final class CsvRegistryReader implements RegistryReader {
    private static final char[] DELIMITERS = {';', ',', '\t'};
    private static final int SAMPLE_CHARS = 64 * 1024;

    private final InputStream in;
    private final Charset declared;
    private final RegistryLimits limits;
    private char delimiter;
    private Charset charset;

    CsvRegistryReader(InputStream in, Charset declared, RegistryLimits limits) {
        this.in = in;
        this.declared = declared;
        this.limits = limits;
    }

    /** The delimiter the file uses, once it has been read. */
    char delimiter() {
        return delimiter;
    }

    Charset charset() {
        return charset;
    }

    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        TextInput text = TextInput.open(in, declared, limits.maxRowChars(), RegistryFormat.CSV);
        charset = text.charset();
        BufferedReader buffered = new BufferedReader(text, SAMPLE_CHARS);
        buffered.mark(SAMPLE_CHARS);
        char[] sample = new char[SAMPLE_CHARS];
        int sampled = buffered.read(sample, 0, SAMPLE_CHARS);
        buffered.reset();
        text.rowDone(0);
        delimiter = sampled <= 0 ? ';' : delimiterOf(new String(sample, 0, sampled));
        try (CSVParser parser = CSVParser.builder().setReader(buffered).setFormat(format(delimiter)).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw unwrap(e, parser.getCurrentLineNumber());
                } catch (IllegalStateException e) {
                    throw malformed(e, parser.getCurrentLineNumber());
                }
                long number = record.getRecordNumber();
                List<String> cells = cells(record, number);
                text.rowDone(number);
                handler.row(number, cells);
            }
        }
    }

    private List<String> cells(CSVRecord record, long number) {
        if (record.size() > limits.maxColumns()) {
            throw RegistryBatch.tooManyColumns(number, record.size(), limits.maxColumns());
        }
        List<String> cells = new ArrayList<>(record.size());
        long chars = 0;
        for (int c = 0; c < record.size(); c++) {
            String value = record.get(c);
            chars += value.length();
            if (!value.isEmpty() && value.charAt(0) == '=') {
                throw RegistryBatch.formula(RegistryHeader.columnName(c) + number, value);
            }
            cells.add(value);
        }
        if (chars > limits.maxRowChars()) {
            throw RegistryBatch.rowTooLong(number, limits.maxRowChars());
        }
        return cells;
    }

    /** The delimiter with which the first rows hold the most columns of the form; «;» when none tells. */
    private static char delimiterOf(String sample) {
        int cut = sample.lastIndexOf('\n');
        String rows = cut > 0 ? sample.substring(0, cut + 1) : sample;
        char best = ';';
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            int score = recognizedColumns(rows, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private static int recognizedColumns(String rows, char delimiter) {
        int best = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(rows)).setFormat(format(delimiter)).get()) {
            int seen = 0;
            for (CSVRecord record : parser) {
                int recognized = 0;
                for (String cell : record) {
                    if (Column.recognize(cell, false) != null) {
                        recognized++;
                    }
                }
                best = Math.max(best, recognized);
                if (++seen > RegistryHeader.SEARCHED_ROWS) {
                    break;
                }
            }
        } catch (IOException | RuntimeException unparsable) {
            // This delimiter does not parse the sample: it is not the file's.
        }
        return best;
    }

    /** Commons CSV's own parse errors are the file's; any other I/O failure (the body cut off, too large) is not. */
    private static IOException unwrap(UncheckedIOException e, long line) {
        if (e.getCause() instanceof CSVException) {
            throw malformed(e, line);
        }
        return e.getCause();
    }

    private static RegistryFileException malformed(RuntimeException e, long line) {
        return new RegistryFileException(Kind.MALFORMED, "line " + line, "the CSV is malformed near line " + line
                + ": a quoted cell is not closed, or a quote stands inside a cell that is not quoted", e);
    }
}
