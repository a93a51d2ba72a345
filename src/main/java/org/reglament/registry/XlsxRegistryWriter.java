package org.reglament.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.reglament.registry.RegistryFileException.Kind;

/**
 * The answer as an XLSX workbook, written with POI's streaming SXSSF (a window of rows in memory, the rest in temporary
 * files): the input's sheet with the answer's columns, each row where it was; a summary sheet («Сводка»: rows, decided,
 * breaches by rule, errors, the date, edition and knowledge-base version, the digests); and the rows that could not be
 * decided («Ошибки»).
 */
final class XlsxRegistryWriter implements RegistryWriter {
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final Supplier<String> sheetName;
    private final CellStyle bold;
    private SXSSFSheet matrix;
    private SXSSFSheet errors;
    private int errorRows = 1;
    /** JSON Lines number their header row 0 (it is the first object's keys): a sheet's rows start at 1. */
    private long offset;

    /** @param sheetName the input's sheet (known once reading has begun), or null: «Матрица» */
    XlsxRegistryWriter(OutputStream out, Supplier<String> sheetName) {
        this.out = out;
        this.sheetName = sheetName;
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    @Override
    public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException {
        offset = headerRows.get(0).number() == 0 ? 1 : 0;
        String name = sheetName.get();
        matrix = workbook.createSheet(name == null || name.equals("Сводка") || name.equals("Ошибки") ? "Матрица" : name);
        errors = workbook.createSheet("Ошибки");
        Row title = errors.createRow(0);
        List<String> names = List.of("Строка", "Идентификатор услуги", "Наименование услуги", "Ошибки");
        for (int c = 0; c < names.size(); c++) {
            title.createCell(c).setCellValue(names.get(c));
            title.getCell(c).setCellStyle(bold);
        }
        for (SourceRow row : preamble) {
            write(matrix, row.number(), row.cells(), null);
        }
        for (int i = 0; i < headerRows.size() - 1; i++) {
            write(matrix, headerRows.get(i).number(), headerRows.get(i).cells(), bold);
        }
        write(matrix, headerRows.get(headerRows.size() - 1).number(), header, bold);
        matrix.createFreezePane(0, (int) (headerRows.get(headerRows.size() - 1).number() + offset));
    }

    @Override
    public void row(RowOutcome outcome, List<String> cells) throws IOException {
        write(matrix, outcome.row(), cells, null);
        if (!outcome.problems().isEmpty()) {
            Row row = errors.createRow(errorRows++);
            row.createCell(0).setCellValue(outcome.row() + offset);
            row.createCell(1).setCellValue(outcome.service() == null || outcome.service().registryId() == null ? ""
                    : outcome.service().registryId());
            row.createCell(2).setCellValue(outcome.service() == null || outcome.service().name() == null ? ""
                    : limit(outcome.service().name()));
            row.createCell(3).setCellValue(limit(outcome.answer().get(outcome.answer().size() - 1)));
        }
    }

    @Override
    public void finish(BatchSummary summary) throws IOException {
        Sheet sheet = workbook.createSheet("Сводка");
        workbook.setSheetOrder("Сводка", 1);
        int r = 0;
        r = pair(sheet, r, "Режим", summary.mode() == RegistryMode.DERIVE
                ? "определение матрицы (derive)" : "проверка предложенной матрицы (check)");
        r = pair(sheet, r, "Дата решения", summary.asOf().toString());
        r = pair(sheet, r, "Акт", summary.actId() + ", редакция " + summary.edition());
        r = pair(sheet, r, "Версия базы знаний", summary.knowledgeBaseVersion());
        r = pair(sheet, r, "Услуг в файле", summary.services());
        r = pair(sheet, r, "Решено", summary.decided());
        r = pair(sheet, r, "С ошибками (лист «Ошибки»)", summary.withErrors());
        if (summary.mode() == RegistryMode.CHECK) {
            r = pair(sheet, r, "Соответствуют рекомендациям (3.1.4)", summary.compliant());
            r = pair(sheet, r, "Не соответствуют рекомендациям", summary.nonCompliant());
            r = pair(sheet, r, "На рассмотрение Рабочей группы (3.1.4.3 абз. 3)", summary.toWorkingGroup());
            r = pair(sheet, r, "Отступления по правилам", "");
            for (Map.Entry<String, Long> breach : summary.breachesByRule().entrySet()) {
                r = pair(sheet, r, "  " + breach.getKey(), breach.getValue());
            }
        }
        r = pair(sheet, r, "SHA-256 входного файла", summary.fileDigest() == null ? "" : summary.fileDigest());
        r = pair(sheet, r, "SHA-256 ответов по строкам", summary.answersDigest());
        if (summary.decisionId() != null) {
            pair(sheet, r, "Квитанция (decisionId)", summary.decisionId());
        }
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 80 * 256);
        workbook.write(out);
        out.flush();
    }

    private int pair(Sheet sheet, int r, String name, Object value) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(name);
        row.getCell(0).setCellStyle(bold);
        if (value instanceof Long number) {
            row.createCell(1).setCellValue(number);
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return r + 1;
    }

    private void write(SXSSFSheet sheet, long rowNumber, List<String> cells, CellStyle style) {
        long number = rowNumber + offset;
        if (number > MAX_ROWS) {
            throw new RegistryFileException(Kind.TOO_MANY_ROWS, "row " + number, "an XLSX sheet holds at most "
                    + MAX_ROWS + " rows and row " + number + " is beyond it: ask for CSV or JSON Lines");
        }
        Row row = sheet.createRow((int) number - 1);
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value != null && !value.isEmpty()) {
                if (value.length() > MAX_CELL_CHARS) {
                    throw new RegistryFileException(Kind.ROW_TOO_LONG, "row " + number, "cell "
                            + RegistryHeader.columnName(c) + number + " has more than " + MAX_CELL_CHARS
                            + " characters, the most an XLSX cell holds: ask for CSV or JSON Lines");
                }
                row.createCell(c).setCellValue(value);
                if (style != null) {
                    row.getCell(c).setCellStyle(style);
                }
            }
        }
    }

    private static String limit(String text) {
        return text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS - 1) + "…" : text;
    }

    @Override
    public void close() throws IOException {
        workbook.close();
        workbook.dispose();
    }
}
