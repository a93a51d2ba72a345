package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;

/** Russian steps of the Smolensk plan features. */
public class PlanSteps {
    private static final Map<String, String> STATUSES = Map.of(
            "не начат", "not-started",
            "выполняется", "in-progress",
            "срок истёк", "term-expired",
            "исполнен", "done",
            "выполняется постоянно", "ongoing",
            "срок не установлен", "no-term");

    @Autowired
    private Scenario scenario;

    @Когда("^проверяется доля граждан ([\\d.]+) % за квартал «([^»]+)»$")
    public void share(String percent, String quarter) {
        scenario.request().put("quarter", quarter);
        scenario.request().put("percent", new BigDecimal(percent));
        scenario.decide("e-services-share");
    }

    @Когда("^проверяются ошибки сервисов: (\\d+) из (\\d+) обращений$")
    public void errors(long errors, long calls) {
        scenario.request().put("errors", errors);
        scenario.request().put("calls", calls);
        scenario.decide("service-error-rate");
    }

    @Когда("^проверяется регистрация поступающих на службу: (\\d+) из (\\d+)$")
    public void entrants(long registered, long entrants) {
        scenario.request().put("registered", registered);
        scenario.request().put("entrants", entrants);
        scenario.decide("entrants-registration");
    }

    @Тогда("^у пункта «([^»]+)» ответственный исполнитель — «([^»]+)», подтверждает исполнение — «([^»]+)»$")
    public void executor(String item, String responsible, String proof) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("items"), i -> i.path("item").asText().equals(item),
                "plan item " + item);
        assertThat(found.path("responsible").asText()).contains(responsible);
        assertThat(found.path("proof").asText()).contains(proof);
    }

    @Тогда("^у пункта «([^»]+)» ожидаемый результат — «([^»]+)»$")
    public void expectedResult(String item, String result) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("items"), i -> i.path("item").asText().equals(item),
                "plan item " + item);
        assertThat(found.path("result").asText()).contains(result);
    }

    @Когда("определяется состояние плана")
    public void planStatus() {
        scenario.decide("plan-status");
    }

    @Когда("определяется состояние плана, исполнены:")
    public void planStatus(DataTable completed) {
        ObjectNode done = scenario.object("completed");
        completed.asMap().forEach((item, date) -> done.put(item.trim(), date.trim()));
        scenario.decide("plan-status");
    }

    @Тогда("^(целевое значение|предел ошибок|цель пункта 3.8) (достигнуто|не достигнуто|соблюдён|не соблюдён|достигнута|не достигнута) по правилу «([^»]+)»$")
    public void verdict(String what, String verdict, String rule) {
        JsonNode result = scenario.result();
        assertThat(Answers.flag(result, "met")).isEqualTo(!verdict.startsWith("не"));
        assertThat(result.path("rule").asText()).isEqualTo(rule);
        assertThat(result.path("citation").path("quote").asText()).isNotBlank();
    }

    @Тогда("^требуемое значение — ([\\d.]+) %$")
    public void required(String percent) {
        assertThat(new BigDecimal(scenario.result().path("required").asText())).isEqualByComparingTo(percent);
    }

    @Тогда("^пункт «([^»]+)» — «([^»]+)»(?:, срок (\\d{4}-\\d{2}-\\d{2}))?(, в срок|, не в срок)? по правилу «([^»]+)»$")
    public void item(String item, String status, String nextDue, String onTime, String rule) {
        JsonNode found = ActionMatrixSteps.find(scenario.result().path("items"), i -> i.path("item").asText().equals(item),
                "plan item " + item);
        assertThat(STATUSES).containsKey(status);
        assertThat(found.path("status").asText()).as("status of %s", item).isEqualTo(STATUSES.get(status));
        if (nextDue != null) {
            assertThat(found.path("nextDue").asText()).isEqualTo(nextDue);
        }
        if (onTime != null) {
            assertThat(Answers.flag(found, "onTime")).isEqualTo(onTime.equals(", в срок"));
        }
        assertThat(found.path("rule").asText()).isEqualTo(rule);
    }
}
