package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the decision log must do on any database: record every answer before it is sent, chain the receipts,
 * and report the first receipt altered or removed behind its back. Run on H2 and on PostgreSQL.
 */
abstract class DecisionLogContract {
    static final String AUDITOR = "local-auditor-key";
    static final String DECIDER = "local-decider-key";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReceiptTexts texts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionLog log;
    final HttpClient http = HttpClient.newHttpClient();

    static String matrix(int applications, String registryId) {
        return "{\"asOf\":\"2018-10-01\",\"service\":{\"registryId\":\"" + registryId + "\",\"name\":\"Услуга " + registryId
                + "\",\"category\":\"REGIONAL\",\"applicationsPerYear\":" + applications + ",\"electronicWithoutOriginals\":true,"
                + "\"inPersonReceptionAtAgency\":true,\"feeOrPayment\":true,\"providedViaMfc\":true}}";
    }

    /**
     * The database, for reading and altering behind the service's back, once it holds every receipt answered (with
     * the journal it takes them a moment after the answers).
     */
    JdbcTemplate database() {
        log.awaitStored();
        return jdbc;
    }

    JsonNode post(String path, String body, String key) throws Exception {
        return json.readTree(postText(path, body, key));
    }

    /** The answer as it was sent, byte for byte (as text). */
    String postText(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    JsonNode get(String path, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void everyAnswerIsARecordedChainedReceiptAndTamperingIsReported() throws Exception {
        long before = database().queryForObject("select count(*) from receipt", Long.class);
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(post("/api/v1/decisions/action-matrix", matrix(99 + i, "4100000000010" + i), i % 2 == 0 ? DECIDER : null));
        }
        answers.add(post("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"eventDate\":"
                + "\"2018-04-27\",\"count\":14,\"unit\":\"working-days\",\"direction\":\"after\"}", null));

        for (JsonNode answer : answers) {
            assertThat(answer.path("digest").asText()).matches("[0-9a-f]{64}");
            JsonNode receipt = get("/api/v1/audit/decisions/" + answer.path("decisionId").asText(), AUDITOR);
            assertThat(receipt.path("digest").asText()).isEqualTo(answer.path("digest").asText());
            assertThat(receipt.path("knowledgeBaseVersion").asText()).isEqualTo(answer.path("knowledgeBaseVersion").asText());
            assertThat(receipt.path("answer").path("result")).isEqualTo(answer.path("result"));
            assertThat(receipt.path("answeredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        JsonNode signed = get("/api/v1/audit/decisions/" + answers.get(0).path("decisionId").asText(), AUDITOR);
        assertThat(signed.path("caller").asText()).isEqualTo("local-registry-tool");
        assertThat(signed.toString()).doesNotContain(DECIDER);
        assertThat(get("/api/v1/audit/decisions/" + answers.get(1).path("decisionId").asText(), AUDITOR)
                .path("caller").asText()).isEqualTo("anonymous");

        JsonNode intact = get("/api/v1/audit/verify", AUDITOR);
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("verified").asLong()).isEqualTo(before + answers.size());

        long altered = before + 3;
        String stored = database().queryForObject("select answer from receipt where seq = ?", String.class, altered);
        String forged = texts.read(stored).replace("\"value\":\"1\"", "\"value\":\"0\"");
        jdbc.update("update receipt set answer = ? where seq = ?", forged, altered);
        JsonNode broken = get("/api/v1/audit/verify", AUDITOR);
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstProblem").path("seq").asLong()).isEqualTo(altered);
        assertThat(broken.path("firstProblem").path("kind").asText()).isEqualTo("altered");
        assertThat(broken.path("verified").asLong()).isEqualTo(altered - 1);

        Map<String, Object> row = jdbc.queryForMap("select * from receipt where seq = ?", altered);
        jdbc.update("delete from receipt where seq = ?", altered);
        JsonNode gap = get("/api/v1/audit/verify", AUDITOR);
        assertThat(gap.path("firstProblem").path("kind").asText()).isEqualTo("missing");
        assertThat(gap.path("firstProblem").path("seq").asLong()).isEqualTo(altered);

        // Put the receipt back as it was written: the chain is whole again (and the other tests find it so).
        row.put("answer", stored);
        jdbc.update("insert into receipt (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")", row.values().toArray());
        assertThat(get("/api/v1/audit/verify", AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void answersAreStoredSmallAgainstADictionaryAndReadBackByteForByte() throws Exception {
        postText("/api/v1/decisions/action-matrix", matrix(100, "41000000000201"), null);
        String sent = postText("/api/v1/decisions/action-matrix", matrix(101, "41000000000202"), null);
        JsonNode answer = json.readTree(sent);
        String prefix = "{\"digest\":\"" + answer.path("digest").asText() + "\",";
        assertThat(sent).startsWith(prefix);
        String canonical = "{" + sent.substring(prefix.length());

        String stored = database().queryForObject("select answer from receipt where decision_id = ?", String.class,
                answer.path("decisionId").asText());
        assertThat(stored).startsWith("zstd:");
        assertThat(stored.length()).isLessThan(canonical.getBytes(StandardCharsets.UTF_8).length / 5);
        assertThat(texts.read(stored)).isEqualTo(canonical);
        String dictionary = stored.substring("zstd:".length(), stored.indexOf(':', "zstd:".length()));
        String content = jdbc.queryForObject("select content from answer_dictionary where id = ?", String.class, dictionary);
        assertThat(Digests.sha256(content)).isEqualTo(dictionary);
    }

    @Test
    void aDictionaryAlteredBehindTheLogsBackIsReported() throws Exception {
        JsonNode answer = post("/api/v1/decisions/action-matrix", matrix(150, "41000000000301"), null);
        String stored = database().queryForObject("select answer from receipt where decision_id = ?", String.class,
                answer.path("decisionId").asText());
        String dictionary = stored.substring("zstd:".length(), stored.indexOf(':', "zstd:".length()));
        long first = jdbc.queryForObject("select min(seq) from receipt where answer like ?", Long.class,
                "zstd:" + dictionary + ":%");
        String content = jdbc.queryForObject("select content from answer_dictionary where id = ?", String.class, dictionary);
        // Verified once first: the dictionary has been read, and the next verification must not trust that reading.
        assertThat(get("/api/v1/audit/verify", AUDITOR).path("intact").asBoolean()).isTrue();
        try {
            jdbc.update("update answer_dictionary set content = ? where id = ?", content.replace("\"1\"", "\"0\""),
                    dictionary);
            JsonNode broken = get("/api/v1/audit/verify", AUDITOR);
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstProblem").path("kind").asText()).isEqualTo("altered");
            assertThat(broken.path("firstProblem").path("seq").asLong()).isEqualTo(first);
            assertThat(broken.path("firstProblem").path("detail").asText()).contains(dictionary);
            HttpResponse<String> unreadable = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/audit/decisions/" + answer.path("decisionId").asText())).header("X-API-Key", AUDITOR).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unreadable.statusCode()).isEqualTo(409);
            assertThat(json.readTree(unreadable.body()).path("type").asText()).isEqualTo("/problems/receipt-unreadable");
        } finally {
            jdbc.update("update answer_dictionary set content = ? where id = ?", content, dictionary);
        }
        assertThat(get("/api/v1/audit/verify", AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void auditorsFindReceiptsByRegistryDecisionAndDatesPaged() throws Exception {
        String registryId = "41999" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            post("/api/v1/decisions/action-matrix", matrix(100 + i, registryId), null);
        }
        JsonNode page = get("/api/v1/audit/decisions?registryId=" + registryId + "&decision=action-matrix&asOfFrom=2018-10-01"
                + "&asOfTo=2018-10-01&answeredFrom=2000-01-01T00:00:00.000Z&size=2&page=0", AUDITOR);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(2);
        JsonNode second = get("/api/v1/audit/decisions?registryId=" + registryId + "&size=2&page=1", AUDITOR);
        assertThat(second.path("items")).hasSize(1);
        assertThat(get("/api/v1/audit/decisions?registryId=" + registryId + "&asOfFrom=2018-10-02", AUDITOR)
                .path("total").asLong()).isZero();
        assertThat(get("/api/v1/audit/decisions?registryId=" + registryId + "&answeredTo=2000-01-01T00:00:00.000Z", AUDITOR)
                .path("total").asLong()).isZero();
    }
}
