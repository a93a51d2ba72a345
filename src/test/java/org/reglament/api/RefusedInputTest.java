package org.reglament.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inputs issue 12 found answered wrongly (200 with a wrong or enormous answer, or 500), each now a 400 naming the
 * field, with a reason and no internals; the fuzz probe (FuzzProbeTest) sends thousands more of their kind.
 */
@StartedServer
class RefusedInputTest {
    private static final String SERVICE = "{\"registryId\":\"41000000000001\",\"name\":\"Услуга\",\"category\":\"REGIONAL\","
            + "\"applicationsPerYear\":200,\"electronicWithoutOriginals\":true,\"inPersonReceptionAtAgency\":true,"
            + "\"feeOrPayment\":true,\"providedViaMfc\":true}";
    private static final String FAR = "+999999999-12-31";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"" + FAR + "\",\"service\":" + SERVICE + "}",
                        "asOf", "year +999999999 is outside the years the service accepts (2000–2100)"),
                Arguments.of("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"eventDate\":\""
                        + FAR + "\",\"count\":1,\"unit\":\"working-days\",\"direction\":\"after\"}", "eventDate", "outside the years"),
                Arguments.of("/api/v1/decisions/deadline", "{\"asOf\":\"2018-10-01\",\"act\":\"ru.kamchatka_guidelines\","
                        + "\"step\":\"implementation\",\"eventDate\":\"" + FAR + "\"}", "eventDate", "outside the years"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\"" + FAR + "\"}", "asOf", "outside the years"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\"2017-01-15\",\"completed\":{\"2.2\":\"" + FAR + "\"}}",
                        "completed.2.2", "outside the years"),
                Arguments.of("/api/v1/decisions/commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":3,\"forReturn\":3,\"decisionDate\":\"" + FAR + "\"}", "decisionDate", "outside the years"),
                Arguments.of("/api/v1/decisions/timeline", "{\"asOf\":\"2018-12-03\",\"act\":\"ru.kamchatka_guidelines\","
                        + "\"events\":{\"regulationApproved\":\"" + FAR + "\"}}", "events.regulationApproved", "outside the years"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\"1999-12-31\"}", "asOf",
                        "year 1999 is outside the years the service accepts (2000–2100)"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\"2017-01-15T00:00\"}", "asOf",
                        "\"2017-01-15T00:00\" is not a date as YYYY-MM-DD"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":[2017,1,15]}", "asOf",
                        "expected a date as YYYY-MM-DD in a JSON string, not an array"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\"2017-1-15\"}", "asOf", "is not a date as YYYY-MM-DD"),
                Arguments.of("/api/v1/decisions/plan-status", "{\"asOf\":\" 2017-01-15\"}", "asOf", "is not a date as YYYY-MM-DD"),
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"41000000000001\"", "41000000000001") + "}", "service.registryId",
                        "expected a string, not 41000000000001"),
                Arguments.of("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":true}", "jurisdiction",
                        "expected a string, not true"),
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"REGIONAL\"", "0") + "}", "service.category", "is not one of"),
                Arguments.of("/api/v1/decisions/e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\","
                        + "\"percent\":50,\"percent\":60}", "percent", "the field is given more than once"),
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"name\":\"Услуга\"", "\"name\":\"Услуга\",\"name\":\"Другая\"") + "}", "service.name",
                        "the field is given more than once"),
                Arguments.of("/api/v1/decisions/e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\","
                        + "\"percent\":1e-999999999}", "percent", "at most 18 digits before and 18 after the decimal point"),
                Arguments.of("/api/v1/decisions/e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\","
                        + "\"percent\":1e-2147483647}", "percent", "this one has 2147483647 after"),
                Arguments.of("/api/v1/decisions/e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\","
                        + "\"percent\":\"50\"}", "percent", "expected a number, not a string"),
                Arguments.of("/api/v1/decisions/service-error-rate", "{\"asOf\":\"2017-01-15\",\"errors\":99999999999999999999,"
                        + "\"calls\":1000}", "errors", "out of the range of a whole number"),
                // Text a receipt cannot hold as sent (issue 12's second fuzz review): a lone surrogate would be digested
                // as «?», a control or bidirectional character would read otherwise on screen than in the log.
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"Услуга\"", "\"У\\ud800слуга\"") + "}", "service.name", "a lone surrogate"),
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"Услуга\"", "\"У\\u0000слуга\"") + "}", "service.name", "control character U+0000"),
                Arguments.of("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\",\"service\":"
                        + SERVICE.replace("\"Услуга\"", "\"У\\u202eслуга\"") + "}", "service.name",
                        "bidirectional control U+202E"),
                // In a name too: the reader stops there, and says why in the service's words.
                Arguments.of("/api/v1/decisions/deadline", "{\"asOf\":\"2018-10-01\",\"\\ud800\":1}", "(body)",
                        "a name holds half a surrogate pair (a \\ud800–\\udbff escape without its low half)"),
                Arguments.of("/api/v1/decisions/deadline", "{\"asOf\":\"2018-10-01\",\"\\udc00x\":1}", "(body)",
                        "a name holds half a surrogate pair (a \\udc00–\\udfff escape without its high half)"),
                // The JSON reader's own words are not passed on: its tokens and features are named in the service's.
                Arguments.of("/api/v1/decisions/period", "hello", "(body)", "a word that is not a JSON value"),
                Arguments.of("/api/v1/decisions/period", "{'asOf':'2018-04-27'}", "(body)", "in double quotes, not single"),
                Arguments.of("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"count\":014}", "count",
                        "a JSON number has no leading zeros"),
                Arguments.of("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"count\":NaN}", "count",
                        "NaN and Infinity are not JSON numbers"),
                Arguments.of("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"eventDate\":"
                        + "\"2018-04-27\",\"count\":14,\"unit\":[\"weeks\"],\"direction\":\"after\"}", "unit",
                        "expected one of calendar-days, working-days, weeks, months, years"));
    }

    @ParameterizedTest(name = "{0} {2}: {3}")
    @MethodSource("refused")
    void refusedNamingTheField(String path, String body, String field, String reason) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(response, field, reason);
        assertThat(response.body().length()).as("an answer in proportion to the request").isLessThan(1024);
    }

    @Test
    void aParameterTheEndpointDoesNotReadOrOneGivenTwiceIsRefused() throws Exception {
        HttpResponse<String> twice = http.send(HttpRequest.newBuilder(url("/api/v1/knowledge-base/editions"
                + "?asOf=2017-01-01&asOf=2018-10-01")).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(twice, "asOf", "given 2 times (in the query or the form); give it once");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions?registryID=41"))
                .header("X-API-Key", "local-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(unknown, "registryID", "unknown parameter; this endpoint reads");
        assertThat(json.readTree(unknown.body()).path("errors").get(0).path("reason").asText()).contains("registryId");
        // A name no URL carries is a 400 naming the query, not a failure of the service.
        HttpResponse<String> control = http.send(HttpRequest.newBuilder(url("/api/v1/knowledge-base?a%00=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(control, "(query)", "control character");
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/plan-status?asOf=2017-01-15"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"asOf\":\"2017-01-15\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(none, "asOf", "unknown parameter; this endpoint reads none");
    }

    @Test
    void anAuditQueryThatCouldMatchNothingIsRefusedNotAnsweredEmpty() throws Exception {
        for (String[] query : new String[][] {
                {"asOfFrom=2019-01-01&asOfTo=2018-01-01", "asOfTo", "is before asOfFrom"},
                {"answeredFrom=2026-01-02T00:00:00Z&answeredTo=2026-01-01T00:00:00Z", "answeredTo", "is before"},
                {"decision=action_matrix", "decision", "is not a decision the service gives"}}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions?" + query[0]))
                    .header("X-API-Key", "local-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
            assertRefused(response, query[1], query[2]);
        }
        HttpResponse<String> impact = http.send(HttpRequest.newBuilder(url("/api/v1/audit/impact"))
                .header("X-API-Key", "local-auditor-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOfFrom\":\"2019-01-01\",\"asOfTo\":\"2018-01-01\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(impact, "asOfTo", "is before asOfFrom");
        HttpResponse<String> registryBatches = http.send(HttpRequest.newBuilder(url(
                "/api/v1/audit/decisions?decision=registry-action-matrix")).header("X-API-Key", "local-auditor-key")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registryBatches.statusCode()).as(registryBatches.body()).isEqualTo(200);
    }

    @Test
    void aBearerTokenWhereNoIdentityProviderIsConfiguredIsSaidToBeUnread() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/audit/verify"))
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("detail").asText())
                .isEqualTo("this service reads no bearer tokens (no identity provider is configured): send an API key"
                        + " (X-API-Key)");
    }

    @Test
    void aConsistencyProofOfAStreamTheLogDoesNotHaveIsA404NotARetryLater() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/log/streams/99/consistency"
                + "?fromSize=1")).header("X-API-Key", "local-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("the log has no stream 99");
    }

    @Test
    void aReplayIsOfTheReceiptAloneSoABodyOrAnEmptyVersionIsRefused() throws Exception {
        HttpResponse<String> decided = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"asOf\":\"2018-10-01\",\"service\":" + SERVICE + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = json.readTree(decided.body()).path("decisionId").asText();
        HttpResponse<String> withBody = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions/" + id + "/replay"))
                .header("X-API-Key", "local-auditor-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(withBody, "(body)", "replayed from its receipt, so send no body");
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions/" + id
                + "/replay?against=")).header("X-API-Key", "local-auditor-key")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(empty, "against", "empty");
        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions/" + id + "/replay"))
                .header("X-API-Key", "local-auditor-key").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json.readTree(replayed.body()).path("reproduced").asBoolean()).isTrue();
    }

    @Test
    void aBodyInAnotherCharsetOrCompressedIsRefusedNotReadAsSomethingElse() throws Exception {
        String body = "{\"asOf\":\"2018-10-01\",\"service\":" + SERVICE + "}";
        HttpResponse<String> latin1 = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(latin1.statusCode()).as(latin1.body()).isEqualTo(415);
        assertThat(json.readTree(latin1.body()).path("field").asText()).isEqualTo("Content-Type");
        HttpResponse<String> gzip = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gzip.statusCode()).as(gzip.body()).isEqualTo(415);
        assertThat(json.readTree(gzip.body()).path("field").asText()).isEqualTo("Content-Encoding");
        // UTF-16 without a byte-order mark is valid UTF-8 byte by byte (ASCII with zero bytes between).
        HttpResponse<String> utf16 = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_16BE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(utf16, "(body)", "the body is not UTF-8 text");
        for (String type : new String[] {";", ";;"}) {
            HttpResponse<String> noType = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noType.statusCode()).as(type + ": " + noType.body()).isEqualTo(415);
            assertThat(json.readTree(noType.body()).path("field").asText()).isEqualTo("Content-Type");
        }
        HttpResponse<String> untyped = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(415);
        assertThat(json.readTree(untyped.body()).path("field").asText()).isEqualTo("Content-Type");
        assertThat(json.readTree(untyped.body()).path("detail").asText())
                .isEqualTo("Content-Type: missing; it reads application/json");
        HttpResponse<String> utf8 = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(200);
    }

    @Test
    void anAcceptTheEndpointCannotAnswerIsA406NamingItWithProblemDetails() throws Exception {
        String body = "{\"asOf\":\"2018-10-01\",\"service\":" + SERVICE + "}";
        for (String[] accept : new String[][] {{"garbage", "\"garbage\" cannot be read as media types"},
                {"application/json;q=abc", "cannot be read as media types"},
                // A weight named «Q» is a weight too (parameter names are case-insensitive): Spring read «Q=abc» as a
                // number, a 500, and «Q=2» as a weight above 1. Only what RFC 9110 §12.4.2 writes is a weight.
                {"application/json;Q=abc", "has the weight «q=abc»: a weight is a number from 0 to 1 with at most three decimals"},
                {"application/json;Q=2", "has the weight «q=2»"},
                {"application/json;q=0.0001", "has the weight «q=0.0001»"},
                {"application/json;q=1e-3", "has the weight «q=1e-3»"},
                {"application/json;Q=0, */*", "accepts no type this endpoint answers in"},
                // Among ranges as specific the first sent says, on every endpoint alike.
                {"application/json;q=0, application/json", "accepts no type this endpoint answers in"},
                {"image/png", "\"image/png\" accepts no type this endpoint answers in; it answers application/json"},
                // The most specific range says (RFC 9110 §12.5.1): JSON refused, the wildcard beside it does not undo it.
                {"application/json;q=0, */*", "accepts no type this endpoint answers in; it answers application/json"},
                {"application/*;q=0, */*;q=0.5", "accepts no type this endpoint answers in"},
                {"application/json;charset=utf-8;q=0, application/json", "accepts no type this endpoint answers in"},
                // Every answer is UTF-8: asked for UTF-16 the writer failed (a 500), asked for ASCII it mislabelled.
                {"application/json;charset=utf-16", "accepts only charsets the service does not answer in"},
                {"application/json; charset=us-ascii", "every answer is UTF-8"},
                {"application/json;q=0", "accepts nothing: a range with q=0 refuses its type"}}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                    .header("Content-Type", "application/json").header("Accept", accept[0])
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(accept[0] + ": " + response.body()).isEqualTo(406);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("field").asText()).isEqualTo("Accept");
            assertThat(problem.path("detail").asText()).as(accept[0]).contains(accept[1]);
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Accept");
        }
        // Two Accept lines are one list (RFC 9110 §5.3): the writer was handed the second line's charset and failed.
        HttpResponse<String> twoLines = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Accept", "application/json;charset=utf-16")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(twoLines.statusCode()).as(twoLines.body()).isEqualTo(200);
        HttpResponse<String> secondUnreadable = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                .header("Content-Type", "application/json").header("Accept", "application/json").header("Accept", "garbage")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(secondUnreadable.statusCode()).as(secondUnreadable.body()).isEqualTo(406);
        assertThat(json.readTree(secondUnreadable.body()).path("detail").asText()).contains("cannot be read as media types");
        for (String accepted : new String[] {"application/json", "application/json;charset=UTF-8", "application/json;charset=utf8",
                "text/html;q=0, */*;q=0.1", "application/json;charset=utf-16, application/*",
                "application/*;q=0, application/json", "text/*;q=0, application/json;q=0.2",
                "application/json;q=1, */*;q=0.000", "application/json;q=0.001", "application/json;Q=1.000",
                // A range with a parameter the answer does not have does not cover it (RFC 9110 §12.5.1).
                "application/json;version=2;q=0, application/json"}) {
            HttpResponse<String> json = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/action-matrix"))
                    .header("Content-Type", "application/json").header("Accept", accepted)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(json.statusCode()).as(accepted + ": " + json.body()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElseThrow()).as(accepted)
                    .doesNotContainIgnoringCase("utf-16");
        }
    }

    @Test
    void pagesBeyondWhatTheDatabasesCanOffsetAreRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions?page=2147483647&size=500"))
                .header("X-API-Key", "local-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(response, "page", "must be less than or equal to 1000000");
        HttpResponse<String> hex = http.send(HttpRequest.newBuilder(url("/api/v1/audit/decisions?size=0x1F4"))
                .header("X-API-Key", "local-auditor-key").build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(hex, "size", "\"0x1F4\" is not a whole number");
    }

    @Test
    void pathsWithoutAnEndpointAnswerProblemDetails() throws Exception {
        for (String path : new String[] {"/error", "/nothing", "/api/v1/decisions/nothing"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json.readTree(response.body()).path("detail").asText()).contains("no endpoint at \"" + path + "\"");
            // The error page answers in any type («*/*»): an Accept that refuses the rest beside JSON does not make
            // the 404 a 406.
            HttpResponse<String> jsonOnly = http.send(HttpRequest.newBuilder(url(path))
                    .header("Accept", "application/json, */*;q=0").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jsonOnly.statusCode()).as(path + ": " + jsonOnly.body()).isEqualTo(404);
        }
    }

    private void assertRefused(HttpResponse<String> response, String field, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("reason").asText()).contains(reason);
        assertThat(response.body()).doesNotContainIgnoringCase("jackson").doesNotContain("Exception", "java.", "org.");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
