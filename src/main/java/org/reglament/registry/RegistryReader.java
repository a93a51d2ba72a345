package org.reglament.registry;

import java.io.IOException;
import java.util.List;

/** Reads a registry file row by row and hands each row on: nothing holds the whole file. */
interface RegistryReader {

    /** One row of cells as text, by its number in the file (1-based: the spreadsheet's row, the CSV record). */
    interface RowHandler {
        void row(long number, List<String> cells) throws IOException;
    }

    /** @throws RegistryFileException when the file cannot be read as a registry */
    void read(RowHandler handler) throws IOException;

    /** The sheet read, for a workbook; null otherwise. */
    default String sheet() {
        return null;
    }
}
