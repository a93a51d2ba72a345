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

/** The commission and completeness decisions over HTTP: bad input, bilingual citations, editions by date. */
@StartedServer
class KazakhstanApiTest {
    private static final String MEETING = "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,\"forApproval\":4,\"forReturn\":2}";
    private static final String QUESTIONNAIRE = "{\"asOf\":\"2021-05-01\",\"act\":\"kz.order_133\",\"document\":\"questionnaire\","
            + "\"parts\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"9\",\"10\",\"11\",\"12\",\"13\",\"14\"]}";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("commission-meeting", MEETING.replace("\"present\":6", "\"present\":13"), 400, "present", "cannot exceed"),
                Arguments.of("commission-meeting", MEETING.replace("\"forApproval\":4", "\"forApproval\":5"), 400, "forApproval", "cannot exceed"),
                Arguments.of("commission-meeting", MEETING.replace("}", ",\"chairVote\":\"abstain\"}"), 400, "chairVote", "approve or return"),
                // The chair's vote is one of those cast: it cannot decide for a side no vote was counted for.
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":0,\"forReturn\":0,\"chairVote\":\"approve\"}", 400, "chairVote",
                        "no vote for approval is counted"),
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":4,\"forReturn\":0,\"chairVote\":\"return\"}", 400, "chairVote",
                        "no vote for return is counted"),
                Arguments.of("commission-meeting", MEETING.replace("\"members\":12,", ""), 400, "members", "must not be null"),
                Arguments.of("commission-meeting", MEETING.replace("2014-03-17", "2016-03-17"), 422, "asOf", "утратил силу"),
                Arguments.of("completeness", QUESTIONNAIRE.replace("questionnaire\"", "passport\""), 400, "document", "passport"),
                Arguments.of("completeness", QUESTIONNAIRE.replace("\"14\"", "\"15\""), 400, "parts[12]", "not a part"),
                Arguments.of("completeness", QUESTIONNAIRE.replace("kz.order_133", "kz.unknown"), 400, "act", "kz.unknown"),
                Arguments.of("completeness", QUESTIONNAIRE.replace("}", ",\"language\":\"en\"}"), 400, "language", "ru, kk"),
                // A fact of another document would be read by nothing; a part listed twice is a slip, not two parts.
                Arguments.of("completeness", QUESTIONNAIRE.replace("}", ",\"receptionMinutes\":15}"), 400,
                        "receptionMinutes", "a fact of the survey-report, not of the questionnaire"),
                Arguments.of("completeness", QUESTIONNAIRE.replace("\"13\",\"14\"", "\"13\",\"13\""), 400,
                        "parts[12]", "\"13\" is listed twice"),
                // Kazakh first only where the act has a Kazakh text: decree 845 is encoded from its Russian text alone.
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":4,\"forReturn\":2,\"language\":\"kk\"}", 400, "language",
                        "kz.decree_845 is encoded from its Russian text only"),
                Arguments.of("deadline", "{\"asOf\":\"2021-01-10\",\"act\":\"kz.order_133\",\"step\":\"list-of-services\","
                        + "\"parameters\":{\"year\":1800}}", 400, "parameters.year", "2000"),
                Arguments.of("commission-meeting", MEETING.replace("}", ",\"majority\":\"most\"}"), 400, "majority",
                        "votes-cast, all-members"),
                Arguments.of("deadline", "{\"asOf\":\"2014-03-01\",\"act\":\"kz.decree_845\",\"step\":\"rework-after-commission\","
                        + "\"eventDate\":\"2014-03-17\",\"reworkTerm\":\"all\"}", 400, "reworkTerm", "whole-round, revision-then-round"),
                Arguments.of("deadline", "{\"asOf\":\"2014-03-01\",\"act\":\"kz.decree_845\",\"step\":\"plan-schedule-approval\","
                        + "\"parameters\":{\"year\":2014}}", 422, "parameters.year", "не устанавливает"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refusals")
    void refusesNamingTheField(String decision, String body, int status, String field, String reason) throws Exception {
        HttpResponse<String> response = post(decision, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(problem.path("detail").asText()).contains(reason);
    }

    @Test
    void citationsOfOrder133ComeInBothLanguagesInTheOrderAskedFor() throws Exception {
        JsonNode russian = json.readTree(post("completeness", QUESTIONNAIRE).body());
        JsonNode kazakh = json.readTree(post("completeness", QUESTIONNAIRE.replace("}", ",\"language\":\"kk\"}")).body());
        JsonNode ruQuotes = russian.path("result").path("missing").get(0).path("citation").path("quotes");
        JsonNode kkQuotes = kazakh.path("result").path("missing").get(0).path("citation").path("quotes");
        assertThat(ruQuotes.get(0).path("language").asText()).isEqualTo("ru");
        assertThat(ruQuotes.get(1).path("language").asText()).isEqualTo("kk");
        assertThat(kkQuotes.get(0).path("language").asText()).isEqualTo("kk");
        assertThat(kkQuotes.get(0).path("text").asText()).isEqualTo(ruQuotes.get(1).path("text").asText());
        assertThat(kazakh.path("rulesFired").size()).as("rules fired").isPositive();
        for (JsonNode rule : kazakh.path("rulesFired")) {
            assertThat(rule.path("citation").path("quotes").get(0).path("language").asText()).isEqualTo("kk");
        }
    }

    @Test
    void editionsByDateNameTheEditionOrWhyNone() throws Exception {
        JsonNode editions = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/knowledge-base/editions?asOf=2017-01-01")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode order = null;
        for (JsonNode act : editions) {
            if (act.path("actId").asText().equals("kz.order_133")) {
                order = act;
            }
        }
        assertThat(order).isNotNull();
        assertThat(order.path("edition").isMissingNode() || order.path("edition").isNull()).isTrue();
        assertThat(order.path("refusal").asText()).contains("2016", "не закодирован");
    }

    @Test
    void theClauseRegisterAccountsForEveryClauseOfTheAct() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/knowledge-base/register?act=kz.decree_845")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode register = json.readTree(response.body()).get(0);
        assertThat(register.path("actId").asText()).isEqualTo("kz.decree_845");
        assertThat(register.path("problems")).isEmpty();
        assertThat(register.path("clauses").size()).isEqualTo(227);
        JsonNode quorum = null;
        for (JsonNode clause : register.path("clauses")) {
            assertThat(clause.path("status").asText()).as(clause.toString()).isNotBlank();
            if (clause.path("clause").asText().equals("27")) {
                quorum = clause;
            }
        }
        assertThat(quorum.path("status").asText()).isEqualTo("encoded");
        assertThat(quorum.path("encodedBy").toString()).contains("rule «27 нет кворума»", "parameter quorumShare");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/knowledge-base/register?act=kz.nothing")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("field").asText()).isEqualTo("act");
    }

    private HttpResponse<String> post(String decision, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/decisions/" + decision))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
