package org.reglament.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.reglament.registry.RegistryFileException.Kind;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An XLSX workbook read with POI's event API (SAX over the sheet's XML), row by row: the first sheet, or the one
 * named. Cells are read as the values they hold; a cell holding a formula stops the batch (export values: the
 * registry must say what was decided on, not how a spreadsheet computed it). A workbook that is encrypted, corrupt, or
 * expands far beyond its size (a zip bomb) is refused before anything is read.
 */
final class XlsxRegistryReader implements RegistryReader {
    /** An expanded part may be at most this many times its compressed size (POI's default guard, 100×). */
    private static final double MIN_INFLATE_RATIO = 0.01;
    /** And at most this large: a sheet of a million rows of the form takes a few hundred MB of XML. */
    private static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;

    private final Path file;
    private final String wantedSheet;
    private final RegistryLimits limits;
    private String sheet;

    XlsxRegistryReader(Path file, String wantedSheet, RegistryLimits limits) {
        this.file = file;
        this.wantedSheet = wantedSheet;
        this.limits = limits;
    }

    @Override
    public String sheet() {
        return sheet;
    }

    @Override
    public void read(RowHandler handler) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length == 0) {
            throw new RegistryFileException(Kind.EMPTY, "(file)", "the file is empty");
        }
        if (FileSignature.compoundFile(head)) {
            throw new RegistryFileException(Kind.ENCRYPTED, "(file)", "the workbook is encrypted (password-protected) or "
                    + "an old .xls: save it as an unprotected .xlsx");
        }
        if (!FileSignature.zip(head)) {
            throw new RegistryFileException(Kind.NOT_XLSX, "(file)", "the file is not an XLSX workbook (an XLSX file is a "
                    + "ZIP archive; this one is not)");
        }
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheetXml = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (wantedSheet == null || wantedSheet.equals(name)) {
                        sheet = name;
                        parse(sheetXml, reader, strings, handler);
                        return;
                    }
                }
            }
            throw new RegistryFileException(Kind.NO_SUCH_SHEET, "sheet", names.isEmpty() ? "the workbook has no sheets"
                    : "the workbook has no sheet «" + wantedSheet + "»; its sheets: «" + String.join("», «", names) + "»");
        } catch (RegistryFileException e) {
            throw e;
        } catch (java.io.UncheckedIOException e) {
            // The rows' handler could not write its answer: not the workbook's fault.
            throw e.getCause();
        } catch (InvalidFormatException | NotOfficeXmlFileException | OpenXML4JRuntimeException e) {
            throw unreadable(e);
        } catch (OpenXML4JException | SAXException | IOException | RuntimeException e) {
            RegistryFileException inside = inside(e);
            if (inside != null) {
                throw inside;
            }
            throw unreadable(e);
        }
    }

    private void parse(InputStream sheetXml, XSSFReader reader, ReadOnlySharedStringsTable strings,
                       RowHandler handler) throws IOException, SAXException, InvalidFormatException {
        Rows rows = new Rows(handler, limits);
        XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, rows,
                new ValuesAsWritten(), false);
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser is configured", e);
        }
        xml.setContentHandler(new FormulaGuard(cells, rows));
        xml.parse(new InputSource(sheetXml));
    }

    private static RegistryFileException unreadable(Exception e) {
        if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
            return new RegistryFileException(Kind.ZIP_BOMB, "(file)", "the workbook expands to more than "
                    + Math.round(1 / MIN_INFLATE_RATIO) + " times its size (a zip bomb?); it is not read", e);
        }
        return new RegistryFileException(Kind.NOT_XLSX, "(file)", "the file is not a readable XLSX workbook "
                + "(it is damaged or not a spreadsheet)", e);
    }

    private static RegistryFileException inside(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryFileException file) {
                return file;
            }
            if (t instanceof SAXException sax && sax.getException() instanceof RegistryFileException file) {
                return file;
            }
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return unreadable(new IOException(t.getMessage(), t));
            }
        }
        return null;
    }

    /** Numbers as a registry means them: 41000000000001 and 200, not 4.1E+13 and 200.0. */
    private static final class ValuesAsWritten extends DataFormatter {
        ValuesAsWritten() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    /** The cells of each row, in column order with the empty ones filled in, handed on as the row ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final RegistryLimits limits;
        private List<String> cells = new ArrayList<>();
        private int rowNumber;
        private long rowChars;
        private String currentCell;

        Rows(RowHandler handler, RegistryLimits limits) {
            this.handler = handler;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            cells = new ArrayList<>();
            rowChars = 0;
        }

        @Override
        public void endRow(int rowNum) {
            try {
                handler.row(rowNum + 1L, cells);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= limits.maxColumns()) {
                throw RegistryBatch.tooManyColumns(rowNumber, column + 1, limits.maxColumns());
            }
            while (cells.size() < column) {
                cells.add("");
            }
            String text = value == null ? "" : value;
            rowChars += text.length();
            if (rowChars > limits.maxRowChars()) {
                throw RegistryBatch.rowTooLong(rowNumber, limits.maxRowChars());
            }
            cells.add(text);
        }

        void at(String reference) {
            currentCell = reference;
        }

        String currentCell() {
            return currentCell;
        }
    }

    /** Passes the sheet's XML on to POI's handler, and stops at the first cell that holds a formula. */
    private static final class FormulaGuard implements ContentHandler {
        private final ContentHandler cells;
        private final Rows rows;

        FormulaGuard(ContentHandler cells, Rows rows) {
            this.cells = cells;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName)) {
                rows.at(atts.getValue("r"));
            } else if ("f".equals(localName)) {
                throw RegistryBatch.formula(rows.currentCell() == null ? "a cell" : rows.currentCell(), null);
            }
            cells.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            cells.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            cells.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            cells.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            cells.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            cells.endPrefixMapping(prefix);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            cells.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            cells.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            cells.skippedEntity(name);
        }
    }
}
