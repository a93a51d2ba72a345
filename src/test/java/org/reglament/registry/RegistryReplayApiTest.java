package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.RegistryBatchTest.BAD_COUNT;
import static org.reglament.registry.RegistryBatchTest.BOUNDARY_100;
import static org.reglament.registry.RegistryBatchTest.EXAMPLE;
import static org.reglament.registry.RegistryBatchTest.ORIGINALS_101;
import static org.reglament.registry.RegistryBatchTest.registry;
import static org.reglament.registry.RegistryBatchTest.utf8Csv;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.reglament.candidate.Bubblewrap;
import org.reglament.api.StartedServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An auditor replays a registry batch with its file: an account per row, and the impact of a candidate. */
@StartedServer
class RegistryReplayApiTest {
    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String path, String contentType, byte[] body, boolean auditor) throws Exception {
        return send(path, contentType, body, auditor ? "local-auditor-key" : null);
    }

    private HttpResponse<String> send(String path, String contentType, byte[] body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String batch(byte[] file) throws Exception {
        HttpResponse<String> answer = send(RegistryController.PATH + "?asOf=2018-10-01", "text/csv", file, false);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.headers().firstValue(RegistryController.DECISION_ID).orElseThrow();
    }

    @Test
    void theSameFileReproducesEveryRowAndAnotherFileIsRefused() throws Exception {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE, ORIGINALS_101, BAD_COUNT)));
        String decisionId = batch(file);
        String replay = "/api/v1/audit/decisions/" + decisionId + "/replay";

        HttpResponse<String> anonymous = send(replay, "text/csv", file, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        HttpResponse<String> response = send(replay, "text/csv", file, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode account = json.readTree(response.body());
        assertThat(account.path("decisionId").asText()).isEqualTo(decisionId);
        assertThat(account.path("file").path("matchesReceipt").asBoolean()).isTrue();
        assertThat(account.path("answers").path("reproduced").asBoolean()).isTrue();
        assertThat(account.path("answers").path("reproducedDigest").asText())
                .isEqualTo(account.path("answers").path("recordedDigest").asText());
        assertThat(account.path("rows")).hasSize(3);
        assertThat(account.path("rows").get(0).path("status").asText()).isEqualTo("reproduced");
        assertThat(account.path("rows").get(0).path("registryId").asText()).isEqualTo("41000000000001");
        assertThat(account.path("rows").get(2).path("status").asText()).isEqualTo("not-decided");
        assertThat(account.path("impact").path("changed").asLong()).isZero();

        byte[] other = utf8Csv(registry(FORM, List.of(EXAMPLE, BOUNDARY_100, BAD_COUNT)));
        HttpResponse<String> wrongFile = send(replay, "text/csv", other, true);
        assertThat(wrongFile.statusCode()).isEqualTo(409);
        assertThat(json.readTree(wrongFile.body()).path("detail").asText()).contains("it is not the file decision " + decisionId);

        HttpResponse<String> emptyVersion = send(replay + "?against=", "text/csv", file, true);
        assertThat(emptyVersion.statusCode()).isEqualTo(400);
        assertThat(json.readTree(emptyVersion.body()).path("field").asText()).isEqualTo("against");

        HttpResponse<String> withoutFile = send(replay, null, null, true);
        assertThat(withoutFile.statusCode()).isEqualTo(400);
        assertThat(json.readTree(withoutFile.body()).path("detail").asText()).contains("post the same file");
    }

    @Test
    void aBatchUnderAChosenReadingIsRecordedWithItAndReplaysUnderIt() throws Exception {
        byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples", "registry-check.csv"));
        HttpResponse<String> answer = send(RegistryController.PATH + "?mode=check&asOf=2018-10-01&otherCasesDecidedBy=agency",
                "text/csv", file, false);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String decisionId = answer.headers().firstValue(RegistryController.DECISION_ID).orElseThrow();

        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/audit/decisions/" + decisionId)).header("X-API-Key", "local-auditor-key").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode recorded = json.readTree(receipt.body());
        assertThat(recorded.path("request").path("otherCasesDecidedBy").asText()).isEqualTo("agency");
        assertThat(recorded.path("request").has("mfcOnlyBooking")).isFalse();
        // under the agency's reading the two «0» at 100 or fewer applications are the agency's to choose
        assertThat(recorded.path("answer").path("result").path("toWorkingGroup").asLong()).isZero();

        HttpResponse<String> replay = send("/api/v1/audit/decisions/" + decisionId + "/replay", "text/csv", file, true);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(json.readTree(replay.body()).path("answers").path("reproduced").asBoolean()).isTrue();

        HttpResponse<String> wrongReading = send(RegistryController.PATH + "?mode=check&asOf=2018-10-01&otherCasesDecidedBy=nobody",
                "text/csv", file, false);
        assertThat(wrongReading.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongReading.body()).path("field").asText()).isEqualTo("otherCasesDecidedBy");
    }

    @Test
    void againstACandidateTheRowsThatChangeAreTalliedByCellAndClauseAndImpactAnalysisListsTheBatch() throws Exception {
        Bubblewrap.assumeInstalled();
        List<String> over = RegistryBadFilesTest.replace(EXAMPLE, "200", "150");
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE, ORIGINALS_101, over)));
        String decisionId = batch(file);

        String act = Files.readString(Path.of("rules/ru/kamchatka_guidelines/act.yaml"));
        assertThat(act).contains("    value: 100\n");
        ObjectNode candidate = JsonNodeFactory.instance.objectNode();
        candidate.put("basedOn", "current");
        candidate.putObject("files").put("ru/kamchatka_guidelines/act.yaml", act.replace("    value: 100\n", "    value: 160\n"));
        // A candidate is proposed by its own role and decided only in a confined worker (as the audit features do).
        HttpResponse<String> compiled = send("/api/v1/audit/knowledge-bases", "application/json",
                json.writeValueAsBytes(candidate), "local-proposer-key");
        assertThat(compiled.statusCode()).as(compiled.body()).isEqualTo(200);
        String version = json.readTree(compiled.body()).path("version").asText();

        HttpResponse<String> response = send("/api/v1/audit/decisions/" + decisionId + "/replay?against=" + version,
                "text/csv", file, true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode account = json.readTree(response.body());
        assertThat(account.path("replayedVersion").asText()).isEqualTo(version);
        assertThat(account.path("answers").path("reproduced").asBoolean()).isTrue();
        // 200 stays over a threshold of 160, only the reason names the new threshold; 101 and 150 fall under it:
        // action 3 becomes the agency's choice.
        JsonNode rows = account.path("rows");
        assertThat(rows.get(0).path("status").asText()).isEqualTo("changed");
        assertThat(rows.get(0).path("cells")).isEmpty();
        assertThat(rows.get(0).path("differences").toString()).contains("result.cells[2].why");
        assertThat(rows.get(1).path("status").asText()).isEqualTo("changed");
        assertThat(rows.get(2).path("status").asText()).isEqualTo("changed");
        JsonNode cell = rows.get(2).path("cells").get(0);
        assertThat(cell.path("action").asInt()).isEqualTo(3);
        assertThat(cell.path("valueBefore").asText()).isEqualTo("1");
        assertThat(cell.path("valueAfter").asText()).isEqualTo("discretionary");
        assertThat(cell.path("ruleAfter").asText()).isEqualTo("3.1.4.3 абз. 3");
        JsonNode impact = account.path("impact");
        assertThat(impact.path("examined").asLong()).isEqualTo(3);
        assertThat(impact.path("changed").asLong()).isEqualTo(3);
        assertThat(impact.path("byCell").path("action 3").asLong()).isEqualTo(2);
        assertThat(impact.path("byClause").path("3.1.4.3").asLong()).isEqualTo(2);
        assertThat(account.path("knowledgeBaseChanges").toString()).contains("act.yaml");

        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        filter.put("against", version);
        filter.put("decision", "registry-action-matrix");
        HttpResponse<String> impactAnalysis = send("/api/v1/audit/impact", "application/json",
                json.writeValueAsBytes(filter), true);
        assertThat(impactAnalysis.statusCode()).as(impactAnalysis.body()).isEqualTo(200);
        assertThat(json.readTree(impactAnalysis.body()).path("replayedWithTheirFile").toString()).contains(decisionId);
    }
}
