package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.Registry.CHECK_FORM;
import static org.reglament.registry.Registry.cell;
import static org.reglament.registry.Registry.proposal;
import static org.reglament.registry.Registry.run;
import static org.reglament.registry.Registry.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A registry through the batch: the rows and columns kept, each cell's value, rule, clause and reason, errors in place. */
class RegistryBatchTest {
    static final String TITLE = "Матрица составов действий: услуги Камчатского края";
    static final List<String> EXAMPLE = service("41000000000001", "Услуга", "200", "региональная", "да", "да", "да", "да");
    static final List<String> ORIGINALS_101 = service("41000000000215", "Выдача разрешений на добычу охотничьих ресурсов",
            "101", "региональная", "нет", "да", "да", "да");
    static final List<String> BOUNDARY_100 = service("41000000000216", "Выдача дубликата разрешения", "100",
            "региональная", "нет", "да", "да", "да");
    static final List<String> BAD_COUNT = service("41000000000725", "Выдача удостоверения многодетной семьи",
            "около 300", "региональная", "да", "да", "нет", "да");
    static final List<String> MFC_ONLY = service("41100000000417", "Выдача разрешения на строительство", "350",
            "муниципальная", "да", "нет", "нет", "да");

    static List<List<String>> registry(List<String> header, List<List<String>> services) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(TITLE));
        rows.add(header);
        rows.addAll(services);
        return rows;
    }

    static byte[] utf8Csv(List<List<String>> rows) {
        return ("\uFEFF" + Registry.csv(';', rows)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void derivesEveryRowKeepingTheInputsRowsAndColumnsAndReportsABadRowInItsRow() throws Exception {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE, ORIGINALS_101, BOUNDARY_100, BAD_COUNT, MFC_ONLY)));
        Registry.Answer answer = run(file, RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE);

        List<CSVRecord> rows = answer.csv();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).get(0)).isEqualTo(TITLE);
        List<String> header = rows.get(1).toList();
        assertThat(header.subList(0, FORM.size())).isEqualTo(FORM);
        assertThat(header.subList(FORM.size(), FORM.size() + 3)).containsExactly("1* правило", "1* пункт", "1* причина");
        assertThat(header.get(header.size() - 1)).isEqualTo("Ошибки");

        // The guidelines' example row: every action «1» but 2, which 3.1.4.2 leaves to the agency.
        CSVRecord example = rows.get(2);
        assertThat(example.get(3)).isEqualTo("41000000000001");
        assertThat(values(example)).containsExactly("1", "на усмотрение («1» или «0»)", "1", "1", "1", "1", "1", "1", "1");
        assertThat(column(example, header, "3* правило")).isEqualTo("3.1.4.3 абз. 1");
        assertThat(column(example, header, "3* пункт")).isEqualTo("3.1.4.3");
        assertThat(column(example, header, "Пояснительная записка (3.1.4.3 абз. 2)")).isEqualTo("не требуется");
        assertThat(column(example, header, "Ошибки")).isEmpty();

        // 101 applications that need originals: «0», and the explanatory note; 100: the agency's choice.
        CSVRecord over = rows.get(3);
        assertThat(values(over).get(2)).isEqualTo("0");
        assertThat(column(over, header, "3* правило")).isEqualTo("3.1.4.3 абз. 2");
        assertThat(column(over, header, "3* причина")).contains("обращений в год: 101, это больше 100");
        assertThat(column(over, header, "Пояснительная записка (3.1.4.3 абз. 2)"))
                .startsWith("требуется по правилу «3.1.4.3 абз. 2»");
        CSVRecord boundary = rows.get(4);
        assertThat(values(boundary).get(2)).isEqualTo("на усмотрение («1» или «0»)");
        assertThat(column(boundary, header, "3* правило")).isEqualTo("3.1.4.3 абз. 3");

        CSVRecord bad = rows.get(5);
        assertThat(values(bad)).containsOnly("");
        assertThat(column(bad, header, "Ошибки"))
                .isEqualTo("«Средне количество заявлений в год»: «около 300» is not a whole number");
        assertThat(rows.get(6).get(3)).as("the batch went on after the bad row").isEqualTo("41100000000417");
        assertThat(values(rows.get(6)).get(1)).isEqualTo("-");
        assertThat(column(rows.get(6), header, "2* причина")).isNotBlank();

        assertThat(answer.summary().services()).isEqualTo(5);
        assertThat(answer.summary().decided()).isEqualTo(4);
        assertThat(answer.summary().withErrors()).isEqualTo(1);
        assertThat(answer.summary().edition()).isEqualTo("1.1");
        assertThat(answer.summary().answersDigest()).matches("sha256:[0-9a-f]{64}");
        assertThat(answer.summary().fileDigest()).isEqualTo("sha256:" + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file)));
    }

    @Test
    void aCountIsGroupedByThousandsOrNotAtAllAndYesOrNoTellsWhatItTakes() throws IOException {
        Registry.Answer answer = run(utf8Csv(registry(FORM, List.of(
                service("41000000000801", "Услуга", "1 200", "региональная", "нет", "да", "да", "да"),
                service("41000000000802", "Услуга", "1\u00A0200", "региональная", "нет", "да", "да", "да"),
                service("41000000000803", "Услуга", "1 0 1", "региональная", "нет", "да", "да", "да"),
                service("41000000000804", "Услуга", "12 00", "региональная", "нет", "да", "да", "да"),
                service("41000000000805", "Услуга", "200", "региональная", "возможно", "да", "да", "да"),
                service("41000000000806", "Услуга", "0 101", "региональная", "нет", "да", "да", "да"),
                service("41000000000807", "Услуга", "0101", "региональная", "нет", "да", "да", "да"),
                service("41000000000808", "Услуга", "0", "региональная", "нет", "да", "да", "да"),
                service("41000000000809", "Услуга", "12 345 678 901", "региональная", "нет", "да", "да", "да")))),
                RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE);
        List<CSVRecord> rows = answer.csv();
        List<String> header = rows.get(1).toList();
        // 1 200 and 1 200 with a no-break space are 1200: above 100 without originals, so action 3 is «0».
        assertThat(values(rows.get(2)).get(2)).isEqualTo("0");
        assertThat(values(rows.get(3)).get(2)).isEqualTo("0");
        // A slip («1 0 1» would cross the threshold of 100 as 101) and a wrong grouping are errors, not numbers.
        assertThat(column(rows.get(4), header, "Ошибки")).isEqualTo("«Средне количество заявлений в год»: «1 0 1» is not"
                + " a whole number");
        assertThat(column(rows.get(5), header, "Ошибки")).contains("«12 00» is not a whole number");
        assertThat(column(rows.get(6), header, "Ошибки")).contains("«возможно» is not yes or no", "yes or no, true or false");
        // A group of thousands never starts with a zero: «0 101» is a slip (101, or 0 and 101 run together), not 101.
        assertThat(column(rows.get(7), header, "Ошибки")).isEqualTo("«Средне количество заявлений в год»: «0 101» is not"
                + " a whole number");
        assertThat(column(rows.get(8), header, "Ошибки")).isEqualTo("«Средне количество заявлений в год»: «0101» is not"
                + " a whole number");
        // Zero itself is a count (100 or fewer: action 3 is decided by the working group), not an error.
        assertThat(column(rows.get(9), header, "Ошибки")).isEmpty();
        assertThat(column(rows.get(10), header, "Ошибки")).isEqualTo("«Средне количество заявлений в год»: «12 345 678"
                + " 901» is out of range");
        assertThat(answer.summary().withErrors()).isEqualTo(6);
    }

    @Test
    void aNameTheReceiptCouldNotRecordAsSentIsAnErrorInItsRow() throws IOException {
        // As on the JSON endpoints (StrictInput): a bidirectional control or a control character in a name would make
        // the row read otherwise on screen than in the batch's digest.
        Registry.Answer answer = run(utf8Csv(registry(FORM, List.of(
                service("41000000000811", "Услуга\u202Eанесу", "200", "региональная", "да", "да", "да", "да"),
                service("41000000000812", "Услу\u0001га", "200", "региональная", "да", "да", "да", "да"),
                service("41000000000813", "Услуга 😀 с\tтабуляцией", "200", "региональная", "да", "да", "да", "да")))),
                RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE);
        List<CSVRecord> rows = answer.csv();
        List<String> header = rows.get(1).toList();
        assertThat(column(rows.get(2), header, "Ошибки")).isEqualTo("«Наименование услуги»: bidirectional control"
                + " U+202E at position 7");
        assertThat(column(rows.get(3), header, "Ошибки")).contains("control character U+0001");
        assertThat(column(rows.get(3), header, "Наименование услуги")).isEqualTo("Услу\\u0001га");
        assertThat(column(rows.get(4), header, "Ошибки")).isEmpty();
        assertThat(answer.summary().withErrors()).isEqualTo(2);
    }

    @Test
    void windows1251CommasAndLineBreaksInCellsGiveTheSameAnswers() throws IOException {
        List<String> multiline = new ArrayList<>(EXAMPLE);
        multiline.set(4, "Выдача разрешения;\nпервичная, с выездом");
        List<List<String>> rows = registry(FORM, List.of(multiline, ORIGINALS_101, BOUNDARY_100));
        Registry.Answer utf8 = run(utf8Csv(rows), RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE);
        Registry.Answer windows = run(Registry.csv(';', rows).getBytes(TextInput.WINDOWS_1251), RegistryFormat.CSV,
                RegistryFormat.CSV, RegistryMode.DERIVE);
        Registry.Answer comma = run(Registry.csv(',', rows).getBytes(StandardCharsets.UTF_8), RegistryFormat.CSV,
                RegistryFormat.CSV, RegistryMode.DERIVE);

        assertThat(windows.summary().fileDigest()).isNotEqualTo(utf8.summary().fileDigest());
        assertThat(windows.summary().answersDigest()).isEqualTo(utf8.summary().answersDigest());
        assertThat(comma.summary().answersDigest()).isEqualTo(utf8.summary().answersDigest());
        assertThat(windows.csv().get(2).get(4)).isEqualTo("Выдача разрешения;\nпервичная, с выездом");
        assertThat(windows.summary().decided()).isEqualTo(3);
        assertThat(comma.text()).contains("\"Выдача разрешения;\nпервичная, с выездом\"");
    }

    @Test
    void aWorkbookWithATitleTheActionsSubHeaderAndColumnNumbersGetsItsAnswerSummaryAndErrorsSheets() throws IOException {
        List<String> names = new ArrayList<>(FORM);
        List<String> actions = new ArrayList<>();
        FORM.forEach(name -> actions.add(""));
        List<String> numbering = new ArrayList<>();
        for (int c = 0; c < FORM.size(); c++) {
            if (c >= 6 && c < 15) {
                names.set(c, c == 6 ? "Состав действий" : "");
                actions.set(c, Integer.toString(c - 5));
            }
            numbering.add(Integer.toString(c + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(TITLE));
        rows.add(names);
        rows.add(actions);
        rows.add(numbering);
        rows.add(EXAMPLE);
        rows.add(BAD_COUNT);
        rows.add(MFC_ONLY);
        Registry.Answer answer = run(Registry.xlsx("Реестр", rows), RegistryFormat.XLSX, RegistryFormat.XLSX,
                RegistryMode.DERIVE);

        try (XSSFWorkbook workbook = answer.workbook()) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Реестр");
            assertThat(workbook.getSheetName(1)).isEqualTo("Сводка");
            assertThat(workbook.getSheetName(2)).isEqualTo("Ошибки");
            Sheet matrix = workbook.getSheet("Реестр");
            assertThat(cell(matrix, 0, 0)).isEqualTo(TITLE);
            assertThat(cell(matrix, 1, 6)).isEqualTo("Состав действий");
            assertThat(cell(matrix, 3, 0)).as("the column numbers pass through").isEqualTo("1");
            assertThat(cell(matrix, 4, 3)).as("an identifier kept whole, not 4.1E+13").isEqualTo("41000000000001");
            assertThat(cell(matrix, 4, 8)).isEqualTo("1");
            assertThat(cell(matrix, 6, 7)).isEqualTo("-");
            assertThat(cell(matrix, 2, FORM.size())).isEqualTo("1* правило");
            Sheet errors = workbook.getSheet("Ошибки");
            assertThat(cell(errors, 1, 0)).isEqualTo("6");
            assertThat(cell(errors, 1, 1)).isEqualTo("41000000000725");
            assertThat(cell(errors, 1, 3)).contains("«около 300» is not a whole number");
            Sheet summary = workbook.getSheet("Сводка");
            assertThat(cell(summary, 4, 0)).isEqualTo("Услуг в файле");
            assertThat(cell(summary, 4, 1)).isEqualTo("3");
            assertThat(cell(summary, 6, 1)).isEqualTo("1");
        }
        assertThat(answer.summary().sheet()).isEqualTo("Реестр");
        assertThat(answer.summary().services()).isEqualTo(3);
    }

    @Test
    void aCheckNamesEveryBreachWithItsClauseAndTheMissingExplanatoryNote() throws IOException {
        List<String> overWithoutOriginals = proposal(ORIGINALS_101, "1 1 0 0 1 0 0 1 1", "нет");
        List<String> over = proposal(service("41000000000330", "Предоставление лесных участков", "101", "региональная",
                "да", "да", "да", "да"), "1 1 0 0 1 0 0 1 1", "нет");
        List<String> complies = proposal(EXAMPLE, "1 1 1 1 1 1 1 1 1", "нет");
        List<String> badValue = proposal(EXAMPLE, "1 1 2 1 1 1 1 1 1", "нет");
        Registry.Answer answer = run(utf8Csv(registry(CHECK_FORM, List.of(complies, overWithoutOriginals, over,
                badValue))), RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.CHECK);

        List<CSVRecord> rows = answer.csv();
        List<String> header = rows.get(1).toList();
        assertThat(column(rows.get(2), header, AnswerColumns.COMPLIES)).isEqualTo("да");
        assertThat(column(rows.get(2), header, AnswerColumns.DEPARTURES)).isEmpty();
        assertThat(rows.get(2).get(6)).as("the proposal is kept as proposed").isEqualTo("1");
        assertThat(column(rows.get(3), header, AnswerColumns.COMPLIES)).isEqualTo("нет");
        assertThat(column(rows.get(3), header, AnswerColumns.DEPARTURES)).startsWith("матрица — по правилу «3.1.4.3 абз. 2»")
                .contains("не приложена пояснительная записка");
        assertThat(column(rows.get(3), header, "3* по критерию")).isEqualTo("0");
        String breaches = column(rows.get(4), header, AnswerColumns.DEPARTURES);
        assertThat(breaches).contains("действие 3: предложено «0», допустимо только «1» — по правилу «3.1.4.3 абз. 1»",
                "действие 4: предложено «0», допустимо только «1» — по правилу «3.1.4.4»",
                "по правилу «3.1.4.6»", "по правилу «3.1.4.7»");
        assertThat(column(rows.get(5), header, "Ошибки")).isEqualTo("«3*»: «2» is not a value of the matrix; expected «1», «0» or «-»");

        BatchSummary summary = answer.summary();
        assertThat(summary.compliant()).isEqualTo(1);
        assertThat(summary.nonCompliant()).isEqualTo(2);
        assertThat(summary.withErrors()).isEqualTo(1);
        assertThat(summary.breachesByRule()).containsEntry("3.1.4.3 абз. 2", 1L).containsEntry("3.1.4.3 абз. 1", 1L)
                .containsEntry("3.1.4.4", 1L).containsEntry("3.1.4.6", 1L).containsEntry("3.1.4.7", 1L);
        assertThat(summary.allClear()).isFalse();
    }

    @Test
    void jsonLinesCarryEachRowsOwnServiceWithTheEndpointsAnswerAndASummaryLine() throws IOException {
        String lines = """
                {"registryId":"41000000000001","name":"Первая","category":"региональная","applicationsPerYear":200,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}
                {"registryId":"41000000000002","name":"Вторая, с теми же фактами","category":"региональная","applicationsPerYear":200,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}

                {"registryId":"41000000000003","name":"Третья","category":"федеральная","applicationsPerYear":200,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}
                """;
        Registry.Answer answer = run(lines.getBytes(StandardCharsets.UTF_8), RegistryFormat.JSONL, RegistryFormat.JSONL,
                RegistryMode.DERIVE);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = answer.text().lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0).path("result").path("service").path("name").asText()).isEqualTo("Первая");
        assertThat(out.get(1).path("result").path("service").path("name").asText()).isEqualTo("Вторая, с теми же фактами");
        assertThat(out.get(1).path("result").path("cells").get(2).path("citation").path("quote").asText()).isNotBlank();
        assertThat(out.get(1).path("regulation").path("edition").asText()).isEqualTo("1.1");
        assertThat(out.get(1).path("row").asLong()).isEqualTo(2);
        assertThat(out.get(2).path("row").asLong()).isEqualTo(4);
        assertThat(out.get(2).path("errors").get(0).path("column").asText()).isEqualTo("category");
        assertThat(out.get(3).path("summary").path("services").asLong()).isEqualTo(3);
    }

    @Test
    void aValueTheReceiptCouldNotRecordAsSentIsAnErrorInItsRowInAnyColumn() throws IOException {
        // A JSON Lines escape can make half a surrogate pair of any value, a column the rules read or one carried
        // into the answer as it is (it came back as «?»); the row names the column, and the rows beside it are decided.
        String lines = """
                {"registryId":"41000000000001","name":"Первая","category":"региональная","applicationsPerYear":200,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true,"note":"a\\ud800"}
                {"registryId":"41000000000002","name":"Вторая","category":"региональная","applicationsPerYear":200,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true,"note":"😀"}
                """;
        Registry.Answer answer = run(lines.getBytes(StandardCharsets.UTF_8), RegistryFormat.JSONL, RegistryFormat.CSV,
                RegistryMode.DERIVE);
        List<CSVRecord> rows = answer.csv();
        List<String> header = rows.get(0).toList();
        assertThat(column(rows.get(1), header, "Ошибки")).isEqualTo("«note»: a lone surrogate (\\ud800) is not a character");
        // Carried into the answer with the half pair as a visible escape, not as «?».
        assertThat(column(rows.get(1), header, "note")).isEqualTo("a\\ud800");
        assertThat(column(rows.get(2), header, "Ошибки")).isEmpty();
        assertThat(column(rows.get(2), header, "note")).isEqualTo("😀");
        assertThat(answer.summary().withErrors()).isEqualTo(1);
    }

    @Test
    void theAnswersDigestIsTheSameInEveryOutputFormat() throws IOException {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE, ORIGINALS_101, BAD_COUNT)));
        String csv = run(file, RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE).summary().answersDigest();
        assertThat(Stream.of(RegistryFormat.XLSX, RegistryFormat.JSONL)
                .map(format -> {
                    try {
                        return run(file, RegistryFormat.CSV, format, RegistryMode.DERIVE).summary().answersDigest();
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })).containsOnly(csv);
        byte[] other = utf8Csv(registry(FORM, List.of(EXAMPLE, BOUNDARY_100, BAD_COUNT)));
        assertThat(run(other, RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE).summary().answersDigest())
                .isNotEqualTo(csv);
    }

    private static List<String> values(CSVRecord row) {
        return row.toList().subList(6, 15);
    }

    private static String column(CSVRecord row, List<String> header, String name) {
        int at = header.indexOf(name);
        assertThat(at).as("column %s in %s", name, header).isNotNegative();
        return row.get(at);
    }
}
