package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.RegistryBatchTest.EXAMPLE;
import static org.reglament.registry.RegistryBatchTest.registry;
import static org.reglament.registry.RegistryBatchTest.utf8Csv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reglament.registry.RegistryFileException.Kind;

/** Files that are not a registry: each stops the batch with a message that names the problem, never a crash. */
class RegistryBadFilesTest {

    static Stream<Arguments> badFiles() throws Exception {
        return Stream.of(
                Arguments.of("an empty file", new byte[0], RegistryFormat.CSV, null, Kind.EMPTY, "(file)", "the file is empty"),
                Arguments.of("an empty workbook file", new byte[0], RegistryFormat.XLSX, null, Kind.EMPTY, "(file)", "empty"),
                Arguments.of("a header only", utf8Csv(registry(FORM, List.of())), RegistryFormat.CSV, null, Kind.NO_ROWS,
                        "(file)", "a header but no rows of services"),
                Arguments.of("text without a header", "одна строка\nдругая строка\n".getBytes(StandardCharsets.UTF_8),
                        RegistryFormat.CSV, null, Kind.NO_HEADER, "(header)", "no header row found"),
                Arguments.of("a column missing", utf8Csv(registry(without(FORM, "Категория услуги", "Кат."),
                        List.of(without(EXAMPLE, "региональная", "региональная")))), RegistryFormat.CSV, null,
                        Kind.MISSING_COLUMN, "Категория услуги", "the column «Категория услуги» is missing; columns not recognized: «Кат.»"),
                Arguments.of("a binary file named .csv", binary(), RegistryFormat.CSV, null, Kind.NOT_TEXT, "(file)",
                        "binary data"),
                Arguments.of("a workbook sent as CSV", Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE))),
                        RegistryFormat.CSV, null, Kind.FORMAT_MISMATCH, "(file)", "ZIP archive (an XLSX workbook?)"),
                Arguments.of("UTF-8 that breaks after 64 KiB", brokenUtf8(), RegistryFormat.CSV, null, Kind.BAD_ENCODING,
                        "row", "is not UTF-8 text"),
                Arguments.of("a corrupt workbook", truncated(Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE)))),
                        RegistryFormat.XLSX, null, Kind.NOT_XLSX, "(file)", "not a readable XLSX workbook"),
                Arguments.of("text sent as a workbook", utf8Csv(registry(FORM, List.of(EXAMPLE))), RegistryFormat.XLSX,
                        null, Kind.NOT_XLSX, "(file)", "not an XLSX workbook"),
                Arguments.of("an encrypted workbook", encrypted(), RegistryFormat.XLSX, null, Kind.ENCRYPTED, "(file)",
                        "encrypted (password-protected)"),
                Arguments.of("a zip bomb", zipBomb(), RegistryFormat.XLSX, null, Kind.ZIP_BOMB, "(file)", "zip bomb"),
                Arguments.of("a formula in a workbook", formula(), RegistryFormat.XLSX, null, Kind.FORMULA, "P3",
                        "cell P3 holds a formula"),
                Arguments.of("a formula in a CSV", utf8Csv(registry(FORM, List.of(replace(EXAMPLE, "Услуга",
                        "=HYPERLINK(\"http://example.org\")")))), RegistryFormat.CSV, null, Kind.FORMULA, "E3",
                        "cell E3 holds a formula"),
                Arguments.of("10,000 columns", utf8Csv(List.of(Collections.nCopies(10_000, "x"))), RegistryFormat.CSV,
                        null, Kind.TOO_MANY_COLUMNS, "row 1", "row 1 has 10000 columns; a registry has at most 512"),
                Arguments.of("10,000 columns in a workbook", Registry.xlsx("Лист1", List.of(Collections.nCopies(10_000, "x"))),
                        RegistryFormat.XLSX, null, Kind.TOO_MANY_COLUMNS, "row 1", "a registry has at most 512"),
                Arguments.of("a row of 1 MB", utf8Csv(registry(FORM, List.of(replace(EXAMPLE, "Услуга", "я".repeat(1 << 20))))),
                        RegistryFormat.CSV, null, Kind.ROW_TOO_LONG, "row 3", "row 3 is longer than 131072 characters"),
                Arguments.of("a line of 1 MB in JSON Lines", ("{\"name\":\"" + "я".repeat(1 << 20) + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8), RegistryFormat.JSONL, null, Kind.ROW_TOO_LONG, "row",
                        "is longer than 131072 characters"),
                Arguments.of("a line that is not JSON", "{\"registryId\": 1\n".getBytes(StandardCharsets.UTF_8),
                        RegistryFormat.JSONL, null, Kind.MALFORMED, "line 1", "line 1 is not JSON"),
                Arguments.of("a name with half a surrogate pair in JSON Lines", "{\"registryId\":\"1\",\"a\\ud800\":1}\n"
                        .getBytes(StandardCharsets.UTF_8), RegistryFormat.JSONL, null, Kind.MALFORMED, "line 1",
                        "line 1: a name holds text no receipt could record as sent: a lone surrogate (\\ud800)"),
                Arguments.of("an unclosed quote", (String.join(";", FORM) + "\n\"1.;Агентство\n").getBytes(StandardCharsets.UTF_8),
                        RegistryFormat.CSV, null, Kind.MALFORMED, "line", "malformed"),
                Arguments.of("a sheet that is not there", Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE))),
                        RegistryFormat.XLSX, "Реестр", Kind.NO_SUCH_SHEET, "sheet", "no sheet «Реестр»; its sheets: «Лист1»"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void isRefusedWithAMessageThatNamesTheProblem(String what, byte[] file, RegistryFormat format, String sheet,
                                                  Kind kind, String where, String message) {
        RegistryFileException refused = catchThrowableOfType(RegistryFileException.class, () -> Registry.registries().run(
                new ByteArrayInputStream(file), new Registries.Input(format, null, sheet),
                new Registries.Job(RegistryMode.DERIVE, LocalDate.of(2018, 10, 1), RegistryFormat.CSV, null),
                OutputStream.nullOutputStream(), done -> { }));
        assertThat(refused).as(what).isNotNull();
        assertThat(refused.kind()).as(what + ": " + refused.getMessage()).isEqualTo(kind);
        assertThat(refused.where()).startsWith(where);
        assertThat(refused.getMessage()).contains(message);
    }

    static List<String> without(List<String> row, String value, String replacement) {
        return replace(row, value, replacement);
    }

    static List<String> replace(List<String> row, String value, String replacement) {
        List<String> copy = new ArrayList<>(row);
        copy.set(copy.indexOf(value), replacement);
        return copy;
    }

    private static byte[] binary() {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 % 251);
        }
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, 0, bytes, 0, 6);
        return bytes;
    }

    /** 70 KB of good UTF-8 (the encoding is told from the first 64 KiB), then a byte that is not UTF-8. */
    private static byte[] brokenUtf8() {
        List<List<String>> rows = new ArrayList<>(registry(FORM, List.of()));
        for (int i = 0; i < 700; i++) {
            rows.add(EXAMPLE);
        }
        byte[] good = utf8Csv(rows);
        assertThat(good.length).isGreaterThan(70_000);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 3);
        bad[good.length] = (byte) 0xC0;
        bad[good.length + 1] = (byte) 0x41;
        bad[good.length + 2] = '\n';
        return bad;
    }

    private static byte[] truncated(byte[] workbook) {
        return java.util.Arrays.copyOf(workbook, workbook.length / 2);
    }

    private static byte[] encrypted() throws Exception {
        byte[] workbook = Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE)));
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("пароль");
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(workbook);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A real workbook whose sheet is padded with 40 MB of spaces: it compresses more than a thousandfold. */
    private static byte[] zipBomb() throws IOException {
        byte[] workbook = Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int data = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 40; i++) {
                        zip.write(spaces);
                    }
                    zip.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] formula() throws IOException {
        byte[] plain = Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(plain));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = workbook.getSheetAt(0).getRow(2);
            row.getCell(15).setCellFormula("100+100");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
