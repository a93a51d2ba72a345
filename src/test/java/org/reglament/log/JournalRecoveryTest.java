package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reglament.ReglamentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service stopped after journaling receipts (their answers were sent) and before the database took them: at the
 * next start the database takes them first, and the log verifies. A journal that does not continue the database's
 * stream keeps the service from starting.
 */
class JournalRecoveryTest {
    private static final String AUDITOR = "local-auditor-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("log") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--reglament.audit.log.journal-directory=" + data.resolve("journal")));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ReglamentApplication.class).run(arguments.toArray(String[]::new));
    }

    /** What the writer would have journaled before the process died. */
    private void journaled(List<ReceiptGroup> groups) {
        DecisionJournal journal = new DecisionJournal("true", data.resolve("journal"), false, "");
        journal.open(1, groups.get(0).firstLeaf());
        groups.forEach(journal::append);
        journal.close();
    }

    /** A first start opens stream 1 in the database, as a replica does before it journals anything. */
    private void opened() {
        start().close();
    }

    @Test
    void receiptsJournaledButNotStoredReachTheDatabaseAtTheNextStart() throws Exception {
        opened();
        List<ReceiptGroup> groups = DecisionJournalTest.groups(5, 3, "{\"result\":\"recorded\"}");
        journaled(groups);
        ReceiptRepository.Row last = groups.get(4).rows().get(2);
        try (ConfigurableApplicationContext service = start()) {
            JsonNode verification = get(service, "/api/v1/audit/verify");
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("verified").asLong()).isEqualTo(15);
            JsonNode receipt = get(service, "/api/v1/audit/decisions/" + last.decisionId());
            assertThat(receipt.path("digest").asText()).isEqualTo(last.digest());
            assertThat(receipt.path("answer").path("result").asText()).isEqualTo("recorded");
            // The journal now holds only the segment the service writes next, beginning after the recovered receipts.
            assertThat(segmentNames()).containsExactly(String.format("s%010d-%020d.journal", 1, 15));
        }
        // Stopped cleanly, the database has everything: the journal is emptied and the next start recovers nothing.
        assertThat(segmentNames()).isEmpty();
        try (ConfigurableApplicationContext again = start()) {
            assertThat(get(again, "/api/v1/audit/verify").path("verified").asLong()).isEqualTo(15);
        }
    }

    @Test
    void decisionsGoOnWhileTheDatabaseFailsBehindTheJournalAndNoneIsLost() throws Exception {
        try (ConfigurableApplicationContext service = start("--reglament.audit.log.commit-timeout-ms=1500")) {
            JdbcTemplate database = service.getBean(JdbcTemplate.class);
            post(service, DecisionLogContract.matrix(100, "41000000000901"));
            database.execute("alter table receipt rename to receipt_away");
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answered.add(post(service, DecisionLogContract.matrix(101 + i, "4100000000091" + i)).path("decisionId").asText());
            }
            HttpResponse<String> behind = send(service, HttpRequest.newBuilder(uri(service, "/api/v1/audit/verify")));
            assertThat(behind.statusCode()).isEqualTo(503);
            assertThat(json.readTree(behind.body()).path("type").asText()).isEqualTo("/problems/log-catching-up");

            database.execute("alter table receipt_away rename to receipt");
            JsonNode verification = get(service, "/api/v1/audit/verify");
            assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
            assertThat(verification.path("verified").asLong()).isEqualTo(5);
            for (String decisionId : answered) {
                assertThat(get(service, "/api/v1/audit/decisions/" + decisionId).path("decisionId").asText())
                        .isEqualTo(decisionId);
            }
        }
    }

    @Test
    void aJournalThatDoesNotContinueTheLogKeepsTheServiceFromStarting() {
        List<ReceiptGroup> groups = DecisionJournalTest.groups(3, 2, "{}");
        opened();
        journaled(groups.subList(1, 3)); // begins at leaf 2; the database's stream 1 is empty
        assertThatThrownBy(this::start).hasStackTraceContaining("does not continue stream 1, of which the database holds 0 receipts");
    }

    private List<String> segmentNames() throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("journal"))) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private JsonNode get(ConfigurableApplicationContext service, String path) throws Exception {
        HttpResponse<String> response = send(service, HttpRequest.newBuilder(uri(service, path)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(ConfigurableApplicationContext service, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(service, "/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** As the auditor. */
    private HttpResponse<String> send(ConfigurableApplicationContext service, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-API-Key", AUDITOR).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext service, String path) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort() + path);
    }
}
