package org.reglament.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reglament.ReglamentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A decision given by one knowledge base is replayed after the rules changed and the service restarted: with the
 * version that answered it (kept by content hash) it reproduces exactly; against the new live version the account
 * names the changed cell, the rule and clause before and after, and the parameter that changed.
 */
class ReplayAcrossRestartTest {
    private static final String AUDITOR = "local-auditor-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void replaysWithTheRecordedVersionAfterTheRulesChanged(@TempDir Path data, @TempDir Path amended) throws Exception {
        String log = "--spring.datasource.url=jdbc:h2:file:" + data.resolve("log") + ";DB_CLOSE_ON_EXIT=FALSE";
        String journal = "--reglament.audit.log.journal-directory=" + data.resolve("journal");
        String decisionId;
        String firstVersion;
        try (ConfigurableApplicationContext first = start(log, journal)) {
            JsonNode answer = post(first, "/api/v1/decisions/action-matrix", matrix(60));
            decisionId = answer.path("decisionId").asText();
            firstVersion = answer.path("knowledgeBaseVersion").asText();
            assertThat(cell(answer, 3).path("value").asText()).isEqualTo("discretionary");
        }

        copyRules(amended);
        Path act = amended.resolve("ru/kamchatka_guidelines/act.yaml");
        Files.writeString(act, Files.readString(act).replace("    value: 100\n", "    value: 50\n"));
        try (ConfigurableApplicationContext second = start(log, journal, "--reglament.rules.directory=" + amended)) {
            JsonNode versions = get(second, "/api/v1/audit/knowledge-bases");
            assertThat(versions.path("live").asText()).isNotEqualTo(firstVersion);
            assertThat(versions.path("stored").toString()).contains(firstVersion);

            JsonNode same = post(second, "/api/v1/audit/decisions/" + decisionId + "/replay", "");
            assertThat(same.path("reproduced").asBoolean()).as(same.toString()).isTrue();
            assertThat(same.path("replayedVersion").asText()).isEqualTo(firstVersion);

            JsonNode now = post(second, "/api/v1/audit/decisions/" + decisionId + "/replay?against=current", "");
            assertThat(now.path("reproduced").asBoolean()).isFalse();
            JsonNode cell = now.path("cells").get(0);
            assertThat(cell.path("action").asInt()).isEqualTo(3);
            assertThat(cell.path("valueBefore").asText()).isEqualTo("discretionary");
            assertThat(cell.path("valueAfter").asText()).isEqualTo("1");
            assertThat(cell.path("ruleBefore").asText()).isEqualTo("3.1.4.3 абз. 3");
            assertThat(cell.path("ruleAfter").asText()).isEqualTo("3.1.4.3 абз. 1");
            JsonNode changes = now.path("knowledgeBaseChanges");
            assertThat(changes.path("filesChanged").toString()).contains("ru/kamchatka_guidelines/act.yaml");
            assertThat(changes.path("parameters").get(0).path("parameter").asText()).isEqualTo("requestFormationThreshold");
            assertThat(changes.path("parameters").get(0).path("before").asText()).startsWith("100");
            assertThat(changes.path("parameters").get(0).path("after").asText()).startsWith("50");

            JsonNode impact = post(second, "/api/v1/audit/impact", "{\"against\":\"current\",\"decision\":\"action-matrix\"}");
            assertThat(impact.path("examined").asLong()).isEqualTo(1);
            assertThat(impact.path("changed").asLong()).isEqualTo(1);
            assertThat(impact.path("byCell").path("action 3").asLong()).isEqualTo(1);
            assertThat(impact.path("byClause").path("3.1.4.3").asLong()).isEqualTo(1);
            assertThat(impact.path("affected").get(0).path("registryId").asText()).isEqualTo("41000000000777");

            JsonNode chain = get(second, "/api/v1/audit/verify");
            assertThat(chain.path("intact").asBoolean()).isTrue();
            assertThat(metrics(second)).as("replays are not decisions answered")
                    .contains("jvm_memory_used_bytes")
                    .doesNotContainPattern("reglament_decisions_total\\{[^}]*decision=\"action-matrix\"");
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--spring.main.banner-mode=off"), Stream.of(arguments))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ReglamentApplication.class).run(all);
    }

    private static void copyRules(Path target) throws Exception {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = target.resolve(rules.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static String matrix(int applications) {
        return "{\"asOf\":\"2018-10-01\",\"service\":{\"registryId\":\"41000000000777\",\"name\":\"Выдача разрешения\","
                + "\"category\":\"REGIONAL\",\"applicationsPerYear\":" + applications + ",\"electronicWithoutOriginals\":true,"
                + "\"inPersonReceptionAtAgency\":true,\"feeOrPayment\":true,\"providedViaMfc\":true}}";
    }

    private static JsonNode cell(JsonNode answer, int action) {
        return answer.path("result").path("cells").get(action - 1);
    }

    private JsonNode post(ConfigurableApplicationContext app, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(app, path)).header("X-API-Key", AUDITOR)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(ConfigurableApplicationContext app, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(app, path)).header("X-API-Key", AUDITOR).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The metrics, read with the local profile's key of role METRICS. */
    private String metrics(ConfigurableApplicationContext app) throws Exception {
        return http.send(HttpRequest.newBuilder(url(app, "/actuator/prometheus")).header("X-API-Key", "local-metrics-key")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI url(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
