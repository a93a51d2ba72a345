package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Autowired;

/** The Russian steps of a registry in the matrix form (Kamchatka guidelines 3.1): a file of services, row by row. */
public class RegistrySteps {
    private static final CSVFormat FORM = CSVFormat.RFC4180.builder().setDelimiter(';').get();

    @Autowired
    private Scenario scenario;
    @Autowired
    private DecisionPort port;

    private final List<List<String>> rows = new ArrayList<>();
    private List<String> header;
    private List<CSVRecord> answer;

    @Дано("реестр услуг:")
    public void registry(DataTable table) {
        rows.addAll(table.asLists());
    }

    @Дано("органы предложили матрицы:")
    public void proposals(DataTable table) {
        List<List<String>> proposed = table.asLists();
        List<String> columns = proposed.get(0);
        int idColumn = rows.get(0).indexOf(columns.get(0));
        List<String> head = new ArrayList<>(rows.get(0));
        head.addAll(columns.subList(1, columns.size()));
        rows.set(0, head);
        for (int r = 1; r < rows.size(); r++) {
            String id = rows.get(r).get(idColumn);
            List<String> proposal = proposed.stream().filter(row -> row.get(0).equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no proposal for " + id));
            List<String> row = new ArrayList<>(rows.get(r));
            row.addAll(proposal.subList(1, proposal.size()));
            rows.set(r, row);
        }
    }

    @Когда("по реестру определяется матрица составов действий")
    public void derive() throws IOException {
        send("derive");
    }

    @Когда("реестр проверяется по критериям")
    public void check() throws IOException {
        send("check");
    }

    @Тогда("^в строке «(\\d+)» действие (\\d) — «([^»]+)» по правилу «([^»]+)»$")
    public void cell(String id, int action, String value, String rule) {
        CSVRecord row = row(id);
        String valueColumn = header.contains(action + "*") ? action + "*" : action + "* по критерию";
        assertThat(column(row, valueColumn)).as("value of action %d of %s", action, id).startsWith(value);
        assertThat(column(row, action + "* правило")).isEqualTo(rule);
        Answers.assertRuleOfClause(rule, column(row, action + "* пункт"));
    }

    @Тогда("^в строке «(\\d+)» причина для действия (\\d) содержит «(.+)»$")
    public void why(String id, int action, String text) {
        assertThat(column(row(id), action + "* причина")).contains(text);
    }

    @Тогда("^в строке «(\\d+)» пояснительная записка требуется по правилу «([^»]+)»$")
    public void noteRequired(String id, String rule) {
        assertThat(column(row(id), "Пояснительная записка (3.1.4.3 абз. 2)"))
                .startsWith("требуется по правилу «" + rule + "»").contains("федеральное законодательство");
    }

    @Тогда("^в строке «(\\d+)» пояснительная записка не требуется$")
    public void noteNotRequired(String id) {
        assertThat(column(row(id), "Пояснительная записка (3.1.4.3 абз. 2)")).isEqualTo("не требуется");
    }

    @Тогда("^в строке «(\\d+)» ошибка в столбце «([^»]+)»: «(.+)»$")
    public void error(String id, String column, String reason) {
        assertThat(column(row(id), "Ошибки")).startsWith("«" + column + "»:").contains(reason);
    }

    @Тогда("решено услуг: {int}, с ошибками: {int}")
    public void decided(int decided, int withErrors) {
        List<CSVRecord> services = answer.subList(1, answer.size());
        assertThat(services.stream().filter(r -> column(r, "Ошибки").isEmpty())).hasSize(decided);
        assertThat(services.stream().filter(r -> !column(r, "Ошибки").isEmpty())).hasSize(withErrors);
    }

    @Тогда("^в строке «(\\d+)» не соответствует рекомендациям действие (\\d): предложено «(.)» по правилу «([^»]+)»$")
    public void breach(String id, int action, String proposed, String rule) {
        CSVRecord row = row(id);
        assertThat(column(row, "Соответствует рекомендациям (3.1.4)")).isEqualTo("нет");
        assertThat(column(row, "Отступления от рекомендаций")).contains("действие " + action + ": предложено «" + proposed + "»",
                "по правилу «" + rule + "»");
    }

    @Тогда("^в строке «(\\d+)» отступление: не приложена пояснительная записка по правилу «([^»]+)»$")
    public void noteMissing(String id, String rule) {
        CSVRecord row = row(id);
        assertThat(column(row, "Соответствует рекомендациям (3.1.4)")).isEqualTo("нет");
        assertThat(column(row, "Отступления от рекомендаций")).contains("матрица — по правилу «" + rule + "»",
                "не приложена пояснительная записка");
    }

    @Тогда("^строка «(\\d+)» без отступлений, действие (\\d) «(.)» — на рассмотрение Рабочей группы по правилу «([^»]+)»$")
    public void toTheWorkingGroup(String id, int action, String proposed, String rule) {
        CSVRecord row = row(id);
        assertThat(column(row, "Соответствует рекомендациям (3.1.4)")).isEqualTo("решает Рабочая группа");
        assertThat(column(row, "Отступления от рекомендаций")).isEmpty();
        assertThat(column(row, "На рассмотрение Рабочей группы (3.1.4.3 абз. 3)"))
                .contains("действие " + action + ": предложено «" + proposed + "»", "по правилу «" + rule + "»");
    }

    @Тогда("^в строке «(\\d+)» оценка — «([^»]+)»$")
    public void assessment(String id, String assessment) {
        assertThat(column(row(id), "Оценка (раздел 1)")).startsWith(assessment);
    }

    @Тогда("^строка «(\\d+)» соответствует критериям$")
    public void complies(String id) {
        CSVRecord row = row(id);
        assertThat(column(row, "Соответствует рекомендациям (3.1.4)")).as(column(row, "Отступления от рекомендаций")).isEqualTo("да");
        assertThat(column(row, "Отступления от рекомендаций")).isEmpty();
    }

    private void send(String mode) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(csv, FORM)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        DecisionPort.FileAnswer file = port.registry(mode, scenario.request().path("asOf").asText(),
                csv.toString().getBytes(StandardCharsets.UTF_8));
        String text = new String(file.body(), StandardCharsets.UTF_8);
        assertThat(file.status()).as(text).isEqualTo(200);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(1))).setFormat(FORM).get()) {
            answer = parser.getRecords();
        }
        header = answer.get(0).toList();
        assertThat(header.get(header.size() - 1)).isEqualTo("Ошибки");
    }

    private CSVRecord row(String id) {
        int at = header.indexOf(rows.get(0).get(0));
        return answer.stream().skip(1).filter(r -> r.get(at).equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in the answer"));
    }

    private String column(CSVRecord row, String name) {
        int at = header.indexOf(name);
        assertThat(at).as("column «%s» in %s", name, header).isNotNegative();
        return row.get(at);
    }
}
