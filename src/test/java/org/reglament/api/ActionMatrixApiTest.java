package org.reglament.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP contract of a started server: bad input, the envelope, metrics, health and the API docs. */
@StartedServer
class ActionMatrixApiTest {
    private static final String VALID_SERVICE = """
            {"registryId":"41000000000001","name":"Выдача разрешения","subservice":"—","agency":"Агентство",
             "category":"REGIONAL","applicationsPerYear":200,"electronicWithoutOriginals":true,
             "inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}""";
    private static final String VALID = "{\"asOf\":\"2018-10-01\",\"service\":" + VALID_SERVICE + "}";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"asOf\":", "(body)", "malformed JSON"),
                Arguments.of("not an object", "[1,2]", "(body)", "expected a JSON object"),
                Arguments.of("empty body", "", "(body)", "missing"),
                Arguments.of("missing asOf", "{\"service\":" + VALID_SERVICE + "}", "asOf", "must not be null"),
                Arguments.of("impossible date", VALID.replace("2018-10-01", "2018-02-30"), "asOf", "2018-02-30"),
                Arguments.of("month 13", VALID.replace("2018-10-01", "2018-13-01"), "asOf", "not a day of the calendar"),
                Arguments.of("missing service", "{\"asOf\":\"2018-10-01\"}", "service", "must not be null"),
                Arguments.of("missing fact", VALID.replace("\"feeOrPayment\":true,", ""), "service.feeOrPayment",
                        "must not be null"),
                Arguments.of("negative count", VALID.replace("200", "-1"), "service.applicationsPerYear",
                        "greater than or equal to 0"),
                Arguments.of("count as text", VALID.replace("200", "\"200\""), "service.applicationsPerYear",
                        "whole number"),
                Arguments.of("fractional count", VALID.replace("200", "200.5"), "service.applicationsPerYear",
                        "whole number"),
                Arguments.of("boolean as text", VALID.replace("\"providedViaMfc\":true", "\"providedViaMfc\":\"yes\""),
                        "service.providedViaMfc", "boolean"),
                Arguments.of("unknown category", VALID.replace("REGIONAL", "FEDERAL"), "service.category",
                        "\"FEDERAL\" is not one of REGIONAL, MUNICIPAL, TYPICAL_MUNICIPAL, PRIORITY"),
                Arguments.of("unknown field", VALID.replace("\"registryId\"", "\"registryID\":1,\"registryId\""),
                        "service.registryID", "unknown field"),
                Arguments.of("bad registry id", VALID.replace("41000000000001", "41-0001"), "service.registryId",
                        "registry identifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsA400ProblemNamingTheField(String why, String body, String field, String reason) throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions/action-matrix", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains(reason);
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.reglament");
    }

    @Test
    void proposedCellsMustBeNineMatrixSymbols() throws Exception {
        String base = "{\"asOf\":\"2018-10-01\",\"service\":" + VALID_SERVICE + ",\"proposal\":{\"cells\":%s,"
                + "\"explanatoryNoteAttached\":false}}";
        HttpResponse<String> discretionary = post("/api/v1/decisions/action-matrix/check",
                base.formatted("[\"1\",\"1\",\"1\",\"discretionary\",\"1\",\"1\",\"1\",\"1\",\"1\"]"));
        assertThat(discretionary.statusCode()).isEqualTo(400);
        assertThat(json.readTree(discretionary.body()).path("field").asText()).isEqualTo("proposal.cells[3]");

        HttpResponse<String> eight = post("/api/v1/decisions/action-matrix/check",
                base.formatted("[\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"]"));
        assertThat(eight.statusCode()).isEqualTo(400);
        assertThat(json.readTree(eight.body()).path("field").asText()).isEqualTo("proposal.cells");
    }

    @Test
    void aDateBeforeTheEditionIsRefusedWith422NamingAsOf() throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions/action-matrix", VALID.replace("2018-10-01", "2018-09-11"));
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("asOf");
        assertThat(problem.path("detail").asText()).contains("1.0", "не закодирован");
    }

    @Test
    void anOversizedBodyIsRefusedWhetherOrNotItsLengthIsDeclared() throws Exception {
        String huge = VALID.replace("\"—\"", "\"" + "я".repeat(40_000) + "\"");
        HttpResponse<String> declared = post("/api/v1/decisions/action-matrix", huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json.readTree(declared.body()).path("field").asText()).isEqualTo("(body)");

        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json.readTree(chunked.body()).path("type").asText()).isEqualTo("/problems/body-too-large");
    }

    @Test
    void theEnvelopeNamesEditionDateVersionAndFiredRules() throws Exception {
        HttpResponse<String> response = post("/api/v1/decisions/action-matrix", VALID);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode envelope = json.readTree(response.body());
        assertThat(envelope.path("decisionId").asText()).isNotBlank();
        assertThat(envelope.path("decision").asText()).isEqualTo("action-matrix");
        assertThat(envelope.path("asOf").asText()).isEqualTo("2018-10-01");
        assertThat(envelope.path("regulation").path("edition").asText()).isEqualTo("1.1");
        assertThat(envelope.path("regulation").path("inForceFrom").asText()).isEqualTo("2018-09-12");
        assertThat(envelope.path("knowledgeBaseVersion").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(envelope.path("rulesFired")).hasSizeGreaterThanOrEqualTo(9 + 1 + 6);
        for (JsonNode rule : envelope.path("rulesFired")) {
            assertThat(rule.path("citation").path("clause").asText()).isNotBlank();
            assertThat(rule.path("citation").path("edition").asText()).isEqualTo("1.1 от 12.09.2018");
            assertThat(rule.path("citation").path("quote").asText()).isNotBlank();
        }
        JsonNode cells = envelope.path("result").path("cells");
        assertThat(cells).hasSize(9);
        for (int i = 0; i < 9; i++) {
            assertThat(cells.get(i).path("action").asInt()).isEqualTo(i + 1);
            assertThat(cells.get(i).path("name").asText()).isNotBlank();
        }
        assertThat(cells.get(2).path("name").asText()).isEqualTo("формирование запроса");
    }

    @Test
    void metricsCountDecisionsByOutcomeAndTimeThem() throws Exception {
        String before = metrics();
        post("/api/v1/decisions/action-matrix", VALID);
        post("/api/v1/decisions/action-matrix", VALID.replace("200", "-1"));
        String metrics = metrics();
        // This test's own two decisions, one of each outcome (the counters are shared by the tests of one context).
        assertThat(decisions(metrics, "derived") - decisions(before, "derived")).isGreaterThanOrEqualTo(1);
        assertThat(decisions(metrics, "rejected") - decisions(before, "rejected")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).containsPattern("reglament_decision_seconds_count\\{[^}]*decision=\"action-matrix\"");
        // The derived decision's receipt went through at least one group commit of the decision log.
        assertThat(metrics).containsPattern("(?m)^reglament_decision_log_batch_count(\\{[^}]*})? [1-9]");
        assertThat(metrics).containsPattern("(?m)^reglament_decision_log_commit_seconds_count(\\{[^}]*})? [1-9]");
        // A request refused for its Accept before any endpoint ran is a rejected decision too.
        HttpResponse<String> unacceptable = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").header("Accept", "garbage")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unacceptable.statusCode()).isEqualTo(406);
        assertThat(decisions(metrics(), "rejected") - decisions(metrics, "rejected")).isEqualTo(1);
    }

    @Test
    void healthOpenApiAndSwaggerUiAreServed() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(url("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");

        JsonNode api = json.readTree(http.send(HttpRequest.newBuilder(url("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(api.path("paths").has("/api/v1/decisions/action-matrix")).isTrue();
        assertThat(api.path("paths").has("/api/v1/decisions/action-matrix/check")).isTrue();

        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(url("/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void theCatalogueListsEveryRuleWithItsCitationAndTheCalendars() throws Exception {
        JsonNode catalogue = json.readTree(http.send(HttpRequest.newBuilder(url("/api/v1/knowledge-base")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(catalogue.path("version").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(catalogue.path("acts").findValuesAsText("id"))
                .contains("ru.civil_code", "ru.kamchatka_guidelines", "ru.smolensk_order_451");
        int rules = 0;
        for (JsonNode act : catalogue.path("acts")) {
            for (JsonNode rule : act.path("rules")) {
                assertThat(rule.path("clause").asText()).isNotBlank();
                assertThat(rule.path("quote").asText()).isNotBlank();
                rules++;
            }
        }
        assertThat(rules).isGreaterThan(50);
        assertThat(catalogue.path("calendars").findValuesAsText("country")).containsExactly("KZ", "RU");
    }

    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(url("/actuator/prometheus")).header("X-API-Key", "local-metrics-key")
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** reglament_decisions_total of the action matrix with the outcome, 0 before the first. */
    private static double decisions(String metrics, String outcome) {
        java.util.regex.Matcher counter = java.util.regex.Pattern.compile("(?m)^reglament_decisions_total\\{[^}]*"
                + "decision=\"action-matrix\"[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)$").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    @Test
    void referencedCitationsAreTheRecordedAnswerWithEachCitationStatedOnce() throws Exception {
        JsonNode inline = json.readTree(post("/api/v1/decisions/action-matrix", VALID).body());
        HttpResponse<String> response = post("/api/v1/decisions/action-matrix?citations=referenced", VALID);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        ObjectNode referenced = (ObjectNode) json.readTree(response.body());
        // Not the recorded answer's length: this form is shorter, and goes with its own length or in chunks.
        assertDeclaredLength(response.headers(), response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(referenced.findValues("citation")).isEmpty();
        JsonNode citations = referenced.path("citations");
        assertThat(citations.size()).isGreaterThan(3);
        java.util.Set<JsonNode> distinct = new java.util.HashSet<>();
        citations.forEach(distinct::add);
        assertThat(distinct).hasSize(citations.size());
        // Shorter by the repeats: 3.1.4.4, 3.1.4.6 and 3.1.4.7 each cite their cell and their rule applied, and so on.
        assertThat(response.body().length()).isLessThan(json.writeValueAsString(inline).length() * 4 / 5);

        // Each citationRef replaced by its citation, the list dropped: the answer the log recorded and digested.
        ObjectNode restored = referenced.deepCopy();
        restored.remove("citations");
        restoreCitations(restored, citations);
        JsonNode receipt = json.readTree(http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions/"
                        + referenced.path("decisionId").asText())).header("X-API-Key", "local-auditor-key").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(receipt.path("digest").asText()).isEqualTo(referenced.path("digest").asText()).isNotBlank();
        assertThat(receipt.path("answer")).isEqualTo(without(restored, "digest", "log"));
        // And, but for its own id and place in the log, the inline answer to the same request.
        assertThat(without(restored, "digest", "log", "decisionId"))
                .isEqualTo(without((ObjectNode) inline, "digest", "log", "decisionId"));

        HttpResponse<String> unknown = post("/api/v1/decisions/action-matrix?citations=short", VALID);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("field").asText()).isEqualTo("citations");
    }

    @Test
    void answersAreCompressedWhenTheClientAcceptsGzip() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(VALID));
        HttpResponse<byte[]> plain = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(request.header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        // The recorded answer goes with its length; compressed, with the compressed length or in chunks.
        assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(plain.body().length);
        assertDeclaredLength(gzip.headers(), gzip.body().length);
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzip.body())).readAllBytes();
        assertThat(gzip.body().length).isLessThan(plain.body().length / 4);
        assertThat(without((ObjectNode) json.readTree(unzipped), "digest", "log", "decisionId"))
                .isEqualTo(without((ObjectNode) json.readTree(plain.body()), "digest", "log", "decisionId"));
    }

    /** The body's length is declared and true, or the body is declared chunked: never a stale length. */
    private static void assertDeclaredLength(java.net.http.HttpHeaders headers, long bodyLength) {
        java.util.OptionalLong declared = headers.firstValueAsLong("Content-Length");
        if (declared.isPresent()) {
            assertThat(declared.getAsLong()).isEqualTo(bodyLength);
        } else {
            assertThat(headers.firstValue("Transfer-Encoding")).as("no length, so chunked: %s", headers.map())
                    .hasValue("chunked");
        }
    }

    private static void restoreCitations(JsonNode node, JsonNode citations) {
        if (node instanceof ObjectNode object) {
            if (object.has("citationRef")) {
                java.util.Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
                object.fields().forEachRemaining(field -> fields.put(
                        field.getKey().equals("citationRef") ? "citation" : field.getKey(),
                        field.getKey().equals("citationRef") ? citations.get(field.getValue().asInt()) : field.getValue()));
                object.removeAll();
                object.setAll(fields);
            }
            object.elements().forEachRemaining(child -> restoreCitations(child, citations));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> restoreCitations(child, citations));
        }
    }

    private static JsonNode without(ObjectNode answer, String... fields) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(java.util.List.of(fields));
        return copy;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
