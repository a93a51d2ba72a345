package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Steps of the Kazakhstan features: the expert commission (decree 845) and the completeness checks. Some read
 * in Kazakh (Gherkin has no Kazakh dialect: Russian keywords, Kazakh step text).
 */
public class KazakhstanSteps {
    private static final Map<String, String> OUTCOMES = Map.of(
            "нет кворума", "no-quorum",
            "одобрено", "approved",
            "возвращено", "returned",
            "решение не принято", "no-decision");

    @Autowired
    private Scenario scenario;

    private List<String> allParts = List.of();

    @Когда("^заседание экспертной комиссии: членов (\\d+), участвовали (\\d+), за одобрение (\\d+), за возврат (\\d+)"
            + "(?:, председательствующий — (за одобрение|за возврат))?(?:, решение (\\d{4}-\\d{2}-\\d{2}))?$")
    public void meeting(int members, int present, int forApproval, int forReturn, String chair, String decisionDate) {
        scenario.request().put("members", members);
        scenario.request().put("present", present);
        scenario.request().put("forApproval", forApproval);
        scenario.request().put("forReturn", forReturn);
        if (chair != null) {
            scenario.request().put("chairVote", chair.equals("за одобрение") ? "approve" : "return");
        }
        if (decisionDate != null) {
            scenario.request().put("decisionDate", decisionDate);
        }
        scenario.decide("commission-meeting");
    }

    @Дано("прочтение: большинство — от всех членов комиссии")
    public void majorityOfAllMembers() {
        scenario.request().put("majority", "all-members");
    }

    @Дано("^протокол подписали: (.+)$")
    public void protocolSigned(String who) {
        var signed = scenario.request().putArray("protocolSignedBy");
        for (String one : who.split(",\\s*")) {
            signed.add(Map.of("председательствующий", "chair", "секретарь", "secretary").get(one.trim()));
        }
    }

    @Дано("^представители ответственного органа (участвовали|не участвовали)$")
    public void responsibleBody(String took) {
        scenario.request().put("responsibleBodyRepresented", took.equals("участвовали"));
    }

    @Тогда("к заседанию замечаний нет")
    public void noFindings() {
        assertThat(scenario.result().path("findings").isArray()).as("the answer lists its findings").isTrue();
        assertThat(scenario.result().path("findings")).isEmpty();
    }

    @Тогда("^к заседанию замечание: «([^»]+)» по правилу «([^»]+)»$")
    public void finding(String why, String rule) {
        JsonNode finding = ActionMatrixSteps.find(scenario.result().path("findings"),
                f -> f.path("rule").asText().equals(rule), "finding by " + rule);
        assertThat(finding.path("why").asText()).contains(why);
        assertThat(finding.path("citation").path("quote").asText()).isNotBlank();
    }

    @Тогда("^решение комиссии — «([^»]+)» по правилу «([^»]+)»$")
    public void outcome(String outcome, String rule) {
        assertThat(OUTCOMES).containsKey(outcome);
        JsonNode result = scenario.result();
        assertThat(result.path("outcome").asText()).isEqualTo(OUTCOMES.get(outcome));
        assertThat(result.path("rule").asText()).isEqualTo(rule);
        assertThat(result.path("citation").path("quote").asText()).isNotBlank();
    }

    @Тогда("^следующий шаг — «([^»]+)» до (\\d{4}-\\d{2}-\\d{2}) по правилу «([^»]+)»$")
    public void next(String step, String due, String rule) {
        JsonNode next = scenario.result().path("next");
        assertThat(next.path("step").asText()).isEqualTo(step);
        assertThat(next.path("due").asText()).isEqualTo(due);
        assertThat(next.path("rule").asText()).isEqualTo(rule);
    }

    @Тогда("^следующий шаг — «([^»]+)» без срока по правилу «([^»]+)»$")
    public void nextWithoutDue(String step, String rule) {
        JsonNode next = scenario.result().path("next");
        assertThat(next.path("step").asText()).as("next step in %s", next).isEqualTo(step);
        assertThat(next.path("rule").asText()).isEqualTo(rule);
        assertThat(next.path("due").isMissingNode() || next.path("due").isNull())
                .as("no due date without the decision's date: %s", next).isTrue();
    }

    @Тогда("следующего шага нет")
    public void noNext() {
        assertThat(scenario.result().path("next").isMissingNode() || scenario.result().path("next").isNull()).isTrue();
    }

    @Дано("^документ «([^»]+)» акта «([^»]+)» со всеми частями (.+?)(?: кроме «([^»]+)»)?$")
    public void document(String document, String act, String parts, String except) {
        scenario.request().put("act", act);
        scenario.request().put("document", document);
        allParts = Arrays.stream(parts.split(",")).map(String::trim).toList();
        List<String> submitted = new ArrayList<>(allParts);
        if (except != null) {
            submitted.removeAll(Arrays.stream(except.split(",")).map(String::trim).toList());
        }
        ArrayNode array = scenario.request().putArray("parts");
        submitted.forEach(array::add);
    }

    @Дано("статистика востребованности приведена за {int} года")
    public void statistics(int years) {
        scenario.request().put("demandStatisticsYears", years);
    }

    @Дано("приём и регистрация после оптимизации — {int} минут")
    public void reception(int minutes) {
        scenario.request().put("receptionMinutes", minutes);
    }

    @Дано("^выдача через портал (моментальна|не моментальна)$")
    public void portal(String instant) {
        scenario.request().put("portalIssuanceInstant", instant.equals("моментальна"));
    }

    @Дано("^в протоколе совместного тестирования замечания: (нет|несущественные|существенные)$")
    public void protocolRemarks(String remarks) {
        scenario.request().put("remarks", Map.of("нет", "none", "несущественные", "non-essential",
                "существенные", "essential").get(remarks));
    }

    @Дано("^степень автоматизации — «(partial|full|none)»$")
    public void automationDegree(String degree) {
        scenario.request().put("automationDegree", degree);
    }

    @Дано("опросный лист предлагает перевести услугу в проактивный формат")
    public void proactiveFormatProposed() {
        scenario.request().put("proactiveFormatProposed", true);
    }

    @Дано("у услугодателя собственная информационная система")
    public void ownInformationSystem() {
        scenario.request().put("ownInformationSystem", true);
    }

    @Когда("проверяется полнота документа")
    public void check() {
        scenario.decide("completeness");
    }

    @Тогда("документ полон")
    public void complete() {
        assertThat(scenario.result().path("missing")).isEmpty();
        assertThat(scenario.result().path("defects")).isEmpty();
        assertThat(Answers.flag(scenario.result(), "complete")).isTrue();
    }

    @Тогда("^не хватает части «([^»]+)» — «([^»]+)» по правилу «([^»]+)»$")
    public void missing(String part, String quote, String rule) {
        JsonNode missing = ActionMatrixSteps.find(scenario.result().path("missing"), m -> m.path("part").asText().equals(part),
                "missing part " + part);
        assertThat(missing.path("rule").asText()).isEqualTo(rule);
        assertThat(missing.path("partQuotes").get(0).path("text").asText()).contains(quote);
        assertThat(Answers.flag(scenario.result(), "complete")).isFalse();
    }

    @Тогда("^у части «([^»]+)» казахская цитата — «([^»]+)»$")
    public void missingKazakhQuote(String part, String quote) {
        JsonNode missing = ActionMatrixSteps.find(scenario.result().path("missing"), m -> m.path("part").asText().equals(part),
                "missing part " + part);
        JsonNode kazakh = ActionMatrixSteps.find(missing.path("partQuotes"), q -> q.path("language").asText().equals("kk"),
                "Kazakh quote of " + part);
        assertThat(kazakh.path("text").asText()).contains(quote);
    }

    @Тогда("не хватает частей: {int}")
    public void missingCount(int count) {
        assertThat(scenario.result().path("missing").isArray()).as("the answer lists what is missing").isTrue();
        assertThat(scenario.result().path("missing")).hasSize(count);
    }

    @Тогда("^недостаток части «([^»]+)»: «([^»]+)» по правилу «([^»]+)»$")
    public void defect(String part, String why, String rule) {
        JsonNode defect = ActionMatrixSteps.find(scenario.result().path("defects"),
                d -> d.path("part").asText().equals(part) && d.path("rule").asText().equals(rule), "defect of " + part);
        assertThat(defect.path("why").asText()).contains(why);
    }

    // Қазақ тіліндегі қадамдар (Kazakh steps with Russian keywords).

    @Дано("^сауалнама парағы «([^»]+)» параметрінсіз ұсынылды$")
    public void questionnaireWithout(String parameter) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            parts.add(String.valueOf(i));
        }
        document("questionnaire", "kz.order_133", String.join(", ", parts), parameter);
    }

    @Дано("дәйексөздер алдымен қазақ тілінде")
    public void kazakhFirst() {
        scenario.request().put("language", "kk");
    }

    @Когда("толықтығы тексеріледі")
    public void checkInKazakh() {
        check();
    }

    @Тогда("^«([^»]+)» параметрі жетіспейді: «([^»]+)», ереже «([^»]+)»$")
    public void missingInKazakh(String part, String quote, String rule) {
        missing(part, quote, rule);
        JsonNode missing = ActionMatrixSteps.find(scenario.result().path("missing"), m -> m.path("part").asText().equals(part),
                "missing part " + part);
        assertThat(missing.path("partQuotes").get(0).path("language").asText()).isEqualTo("kk");
        assertThat(missing.path("citation").path("quotes").get(0).path("language").asText()).isEqualTo("kk");
    }
}
