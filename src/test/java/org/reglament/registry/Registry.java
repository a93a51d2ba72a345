package org.reglament.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.reglament.knowledgebase.KnowledgeBaseFixture;

/** Registry files for tests: the form's columns, rows of facts, files in each format, and a run through the batch. */
final class Registry {
    static final List<String> FORM = List.of("№ п/п", "ИОГВ", "Реквизиты НПА, которым утвержден регламент",
            "Идентификатор услуги в реестре государственных и муниципальных услуг", "Наименование услуги",
            "Наименование подуслуги", "1*", "2*", "3*", "4*", "5*", "6*", "7*", "8*", "9*",
            "Средне количество заявлений в год", "Примечание", "Категория услуги",
            "Можно без очного представления оригиналов", "Личный приём в органе", "Пошлина или иные платежи", "Через МФЦ");
    static final List<String> CHECK_FORM;

    static {
        List<String> check = new ArrayList<>(FORM);
        check.add("Пояснительная записка приложена");
        CHECK_FORM = List.copyOf(check);
    }

    private static Registries registries;

    private Registry() {
    }

    static synchronized Registries registries() {
        if (registries == null) {
            registries = Registries.standalone(KnowledgeBaseFixture.knowledgeBase(), 2);
        }
        return registries;
    }

    /** A row of the form: id, name, applications, category and the four facts (да/нет); the matrix left empty. */
    static List<String> service(String id, String name, String applications, String category, String originals,
                                String reception, String fee, String mfc) {
        return List.of("1.", "Агентство", "Приказ", id, name, "", "", "", "", "", "", "", "", "", "", applications, "",
                category, originals, reception, fee, mfc);
    }

    /** The same row with a proposed matrix («1 1 0 0 1 0 0 1 1») and whether the note is attached. */
    static List<String> proposal(List<String> service, String cells, String note) {
        List<String> row = new ArrayList<>(service);
        String[] values = cells.split(" ");
        for (int i = 0; i < 9; i++) {
            row.set(6 + i, values[i]);
        }
        row.add(note);
        return row;
    }

    static String csv(char delimiter, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row) {
                boolean quote = cell.indexOf(delimiter) >= 0 || cell.contains("\"") || cell.contains("\n");
                cells.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            text.append(String.join(String.valueOf(delimiter), cells)).append("\r\n");
        }
        return text.toString();
    }

    static byte[] xlsx(String sheet, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.createSheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                Row row = data.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.matches("\\d{1,15}")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value)); // numbers as a spreadsheet keeps them
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The answer of a run, and the summary. */
    record Answer(BatchSummary summary, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        List<CSVRecord> csv() throws IOException {
            String text = text().startsWith("\uFEFF") ? text().substring(1) : text();
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text))
                    .setFormat(CsvRegistryReader.format(';')).get()) {
                return parser.getRecords();
            }
        }

        XSSFWorkbook workbook() throws IOException {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        }
    }

    static Answer run(byte[] file, RegistryFormat in, RegistryFormat out, RegistryMode mode) throws IOException {
        return run(file, new Registries.Input(in, null, null), out, mode, LocalDate.of(2018, 10, 1));
    }

    static Answer run(byte[] file, Registries.Input input, RegistryFormat out, RegistryMode mode, LocalDate asOf)
            throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        BatchSummary summary = registries().run(new ByteArrayInputStream(file), input,
                new Registries.Job(mode, asOf, out, null), answer, done -> { });
        return new Answer(summary, answer.toByteArray());
    }

    static String cell(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r == null || r.getCell(column) == null ? "" : new DataFormatter().formatCellValue(r.getCell(column));
    }
}
