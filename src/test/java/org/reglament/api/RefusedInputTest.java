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
                        + "\"calls\":1000}", "errors", "out of the range of a whole number"));
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
