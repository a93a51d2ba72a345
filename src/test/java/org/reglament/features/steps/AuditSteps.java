package org.reglament.features.steps;

import org.reglament.candidate.Bubblewrap;
import org.reglament.log.ReceiptRepository;
import org.reglament.log.DecisionLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.After;
import io.cucumber.java.ru.Дано;
import io.cucumber.java.ru.Когда;
import io.cucumber.java.ru.Тогда;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Russian steps of the auditor's features: replay, candidate knowledge bases, impact, verification of the log. */
public class AuditSteps {
    private static final Path KAMCHATKA_ACT = Path.of("rules/ru/kamchatka_guidelines/act.yaml");

    @Autowired
    private DecisionPort port;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private org.reglament.log.ReceiptRepository receipts;
    @Autowired
    private org.reglament.log.DecisionLog log;

    private String registryId;
    private JsonNode decision;
    private String candidateVersion;
    private DecisionPort.Answer audit;
    private Long tamperedLeaf;
    private String originalAnswer;

    @Дано("^решение о матрице составов действий для услуги «(\\d+)» на (\\d{4}-\\d{2}-\\d{2}) при (\\d+) обращениях в год, принятое по текущей версии базы знаний$")
    public void decision(String registry, String asOf, int applications) {
        registryId = registry + (System.nanoTime() % 100_000);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("asOf", asOf);
        ObjectNode service = request.putObject("service");
        service.put("registryId", registryId);
        service.put("name", "Выдача разрешения");
        service.put("category", "REGIONAL");
        service.put("applicationsPerYear", applications);
        service.put("electronicWithoutOriginals", true);
        service.put("inPersonReceptionAtAgency", true);
        service.put("feeOrPayment", true);
        service.put("providedViaMfc", true);
        DecisionPort.Answer answer = port.decide("action-matrix", request);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        decision = answer.body();
        assertThat(decision.path("digest").asText()).hasSize(64);
    }

    @Дано("^кандидатная база знаний, в которой порог формирования запроса — (\\d+) обращений в год$")
    public void candidate(int threshold) throws Exception {
        Bubblewrap.assumeInstalled(); // the scenario is skipped, not failed, where candidates cannot run confined
        String act = Files.readString(KAMCHATKA_ACT);
        assertThat(act).contains("    value: 100\n");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("basedOn", "current");
        body.putObject("files").put("ru/kamchatka_guidelines/act.yaml", act.replace("    value: 100\n", "    value: " + threshold + "\n"));
        DecisionPort.Answer answer = port.propose(body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        candidateVersion = answer.body().path("version").asText();
        assertThat(candidateVersion).isNotEqualTo(decision.path("knowledgeBaseVersion").asText());
    }

    @Когда("аудитор воспроизводит решение")
    public void replay() {
        audit = port.audit("POST", "/decisions/" + decision.path("decisionId").asText() + "/replay", null);
    }

    @Когда("аудитор воспроизводит решение по кандидатной базе знаний")
    public void replayAgainstCandidate() {
        audit = port.audit("POST", "/decisions/" + decision.path("decisionId").asText() + "/replay?against=" + candidateVersion, null);
    }

    @Когда("аудитор оценивает последствия кандидатной базы знаний для решений этой услуги")
    public void impact() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("against", candidateVersion);
        body.put("registryId", registryId);
        audit = port.audit("POST", "/impact", body);
    }

    @Когда("аудитор проверяет журнал решений")
    public void verify() {
        audit = port.audit("GET", "/verify", null);
    }

    @Дано("запись этого решения изменена в базе данных в обход сервиса")
    public void tamper() {
        String id = decision.path("decisionId").asText();
        log.awaitStored(); // the database takes journaled receipts a moment after their answers
        tamperedLeaf = jdbc.queryForObject("select leaf_index from receipt where decision_id = ?", Long.class, id);
        originalAnswer = jdbc.queryForObject("select answer from receipt where decision_id = ?", String.class, id);
        // A stored text that is plain JSON reads as itself: the forgery needs no knowledge of how answers are packed.
        String forged = receipts.byDecisionId(id).orElseThrow().answer().replace("\"1\"", "\"0\"");
        jdbc.update("update receipt set answer = ? where decision_id = ?", forged, id);
    }

    @After
    public void restoreTamperedReceipt() {
        if (tamperedLeaf != null) {
            jdbc.update("update receipt set answer = ? where decision_id = ?", originalAnswer,
                    decision.path("decisionId").asText());
        }
    }

    @Тогда("результат совпадает")
    public void reproduced() {
        JsonNode replay = ok();
        assertThat(Answers.flag(replay, "reproduced")).as(replay.toString()).isTrue();
        assertThat(replay.path("differences")).isEmpty();
        assertThat(replay.path("replayedVersion").asText()).isEqualTo(decision.path("knowledgeBaseVersion").asText());
    }

    @Тогда("результат не совпадает")
    public void notReproduced() {
        assertThat(Answers.flag(ok(), "reproduced")).isFalse();
    }

    @Тогда("^действие (\\d) меняется с «([^»]+)» на «([^»]+)», правило — с «([^»]+)» на «([^»]+)»$")
    public void cellChanged(int action, String before, String after, String ruleBefore, String ruleAfter) {
        JsonNode cell = ActionMatrixSteps.find(ok().path("cells"), c -> c.path("action").asInt() == action, "cell " + action);
        assertThat(cell.path("valueBefore").asText()).isEqualTo(before.equals("на усмотрение") ? "discretionary" : before);
        assertThat(cell.path("valueAfter").asText()).isEqualTo(after.equals("на усмотрение") ? "discretionary" : after);
        assertThat(cell.path("ruleBefore").asText()).isEqualTo(ruleBefore);
        assertThat(cell.path("ruleAfter").asText()).isEqualTo(ruleAfter);
    }

    @Тогда("^в базе знаний изменился параметр «([^»]+)»: было «([^»]+)», стало «([^»]+)»$")
    public void parameterChanged(String name, String before, String after) {
        JsonNode parameter = ActionMatrixSteps.find(ok().path("knowledgeBaseChanges").path("parameters"),
                p -> p.path("parameter").asText().equals(name), "parameter " + name);
        assertThat(parameter.path("before").asText()).startsWith(before);
        assertThat(parameter.path("after").asText()).startsWith(after);
    }

    @Тогда("^изменится решений: (\\d+) из (\\d+), по действию (\\d) — (\\d+)$")
    public void impactCounts(int changed, int examined, int action, int byCell) {
        JsonNode impact = ok();
        assertThat(impact.path("examined").asInt()).isEqualTo(examined);
        assertThat(impact.path("changed").asInt()).isEqualTo(changed);
        assertThat(impact.path("byCell").path("action " + action).asInt()).isEqualTo(byCell);
        assertThat(impact.path("affected").get(0).path("registryId").asText()).isEqualTo(registryId);
    }

    @Тогда("журнал цел")
    public void intact() {
        JsonNode verification = ok();
        assertThat(Answers.flag(verification, "intact")).as(verification.toString()).isTrue();
        assertThat(verification.path("verified").asLong()).isPositive();
    }

    @Тогда("проверка называет изменённую запись этого решения")
    public void tamperingFound() {
        JsonNode verification = ok();
        assertThat(Answers.flag(verification, "intact")).isFalse();
        assertThat(verification.path("firstProblem").path("leafIndex").asLong()).isEqualTo(tamperedLeaf);
        assertThat(verification.path("firstProblem").path("stream").asInt()).isEqualTo(decision.path("log").path("stream").asInt());
        assertThat(verification.path("firstProblem").path("decisionId").asText()).isEqualTo(decision.path("decisionId").asText());
        assertThat(verification.path("firstProblem").path("kind").asText()).isEqualTo("altered");
    }

    private JsonNode ok() {
        assertThat(audit).as("the auditor asked nothing").isNotNull();
        assertThat(audit.status()).as(audit.body().toString()).isEqualTo(200);
        return audit.body();
    }
}
