package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;

/** Russian steps of the plan of amendments to administrative regulations (Kamchatka guidelines, section 2). */
public class AmendmentPlanSteps {
    /** The recommended form's columns, as section 2 para. 4 names them. */
    private static final List<String> FORM = List.of("№ п/п", "Наименование услуги (подуслуги)", "ИОГВ/ОМСУ",
            "Реквизиты Административного регламента", "Срок внесения изменений", "Ответственное должностное лицо");
    private static final Map<String, String> LEVELS = Map.of(
            "муниципального района", "municipal-district",
            "городского округа", "urban-district",
            "поселения", "settlement");

    @Autowired
    private Scenario scenario;

    @Дано("^план внесения изменений ИОГВ(, утверждённый приказом|, не утверждённый приказом)?$")
    public void planOfExecutiveBody(String order) {
        plan().put("author", "iogv");
        if (order != null) {
            plan().put("approvedByOrder", order.equals(", утверждённый приказом"));
        }
    }

    @Дано("^план внесения изменений ОМСУ на уровне (муниципального района|городского округа|поселения)$")
    public void planOfLocalGovernment(String level) {
        plan().put("author", "omsu");
        plan().put("level", LEVELS.get(level));
    }

    @Дано("^в плане графы рекомендуемой формы(?:, кроме «([^»]+)»)?$")
    public void columns(String except) {
        ArrayNode columns = plan().putArray("columns");
        FORM.stream().filter(column -> !column.equals(except)).forEach(columns::add);
    }

    @Дано("в плане графы, написанные по-своему:")
    public void columnsAsWritten(List<String> headers) {
        ArrayNode columns = plan().putArray("columns");
        headers.forEach(columns::add);
    }

    /** Rows: | услуга | срок | обращений в год |, an empty cell for a value the row does not give. */
    @Дано("строки плана:")
    public void rows(DataTable table) {
        ArrayNode rows = plan().putArray("rows");
        int number = 0;
        for (Map<String, String> row : table.asMaps()) {
            ObjectNode given = rows.addObject();
            given.put("number", String.valueOf(++number));
            given.put("service", row.get("услуга"));
            given.put("agency", "Агентство");
            given.put("regulation", "Приказ № 1");
            given.put("responsible", "Иванов И.И.");
            if (row.get("срок") != null) {
                given.put("term", row.get("срок"));
            }
            if (row.get("обращений в год") != null) {
                given.put("applicationsPerYear", Integer.parseInt(row.get("обращений в год")));
            }
        }
    }

    @Когда("проверяется план внесения изменений")
    public void check() {
        scenario.decide("plan-of-amendments/check");
    }

    @Тогда("план соответствует рекомендациям")
    public void follows() {
        assertThat(scenario.result().path("findings")).as("findings").isEmpty();
        assertThat(scenario.result().path("missingColumns")).as("missing columns").isEmpty();
        assertThat(Answers.flag(scenario.result(), "followsRecommendations")).isTrue();
        assertThat(scenario.result().path("assessment").asText()).isEqualTo("соответствует рекомендациям раздела 2");
    }

    @Тогда("^план не соответствует рекомендациям: отступлений (\\d+)$")
    public void departs(int count) {
        JsonNode result = scenario.result();
        assertThat(Answers.flag(result, "followsRecommendations")).isFalse();
        assertThat(result.path("findings").size() + result.path("missingColumns").size()).isEqualTo(count);
        assertThat(result.path("assessment").asText()).startsWith("не соответствует рекомендациям");
    }

    @Тогда("^план утверждает «([^»]+)» по правилу «([^»]+)»$")
    public void approvedBy(String body, String rule) {
        JsonNode approval = scenario.result().path("approval");
        assertThat(approval.path("approvedBy").asText()).contains(body);
        assertThat(approval.path("rule").asText()).isEqualTo(rule);
        assertThat(approval.path("citation").path("quote").asText()).isNotBlank();
    }

    @Тогда("^в плане нет графы «([^»]+)» по правилу «([^»]+)»$")
    public void missingColumn(String name, String rule) {
        JsonNode column = ActionMatrixSteps.find(scenario.result().path("missingColumns"),
                c -> c.path("name").asText().equals(name), "missing column " + name);
        assertThat(column.path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("^строка (\\d+): «([^»]+)» по правилу «([^»]+)»$")
    public void rowFinding(int row, String why, String rule) {
        JsonNode finding = ActionMatrixSteps.find(scenario.result().path("findings"),
                f -> f.path("row").asInt() == row && f.path("rule").asText().equals(rule)
                        && f.path("why").asText().contains(why), "finding of row " + row + " by " + rule);
        assertThat(finding.path("citation").path("quote").asText()).isNotBlank();
        assertThat(finding.path("service").asText()).isNotBlank();
    }

    @Тогда("^план в целом: «([^»]+)» по правилу «([^»]+)»$")
    public void planFinding(String why, String rule) {
        ActionMatrixSteps.find(scenario.result().path("findings"),
                f -> !f.has("row") && f.path("rule").asText().equals(rule) && f.path("why").asText().contains(why),
                "finding of the plan by " + rule);
    }

    private ObjectNode plan() {
        return scenario.object("plan");
    }
}
