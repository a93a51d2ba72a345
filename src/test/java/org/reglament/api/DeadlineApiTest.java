package org.reglament.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input to the period, deadline, timeline and plan decisions: a 4xx problem naming the field, never a 500. */
@StartedServer
class DeadlineApiTest {
    private static final String SERVICE = """
            {"registryId":"41000000000001","name":"Услуга","category":"REGIONAL","applicationsPerYear":200,
             "electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,"feeOrPayment":true,"providedViaMfc":true}""";
    private static final String PERIOD = """
            {"asOf":"2018-04-27","jurisdiction":"RU","eventDate":"2018-04-27","count":14,"unit":"working-days","direction":"after"}""";
    private static final String DEADLINE = """
            {"asOf":"2018-10-01","act":"ru.kamchatka_guidelines","step":"implementation","eventDate":"2018-10-25"}""";
    private static final String KZ_REWORK = "{\"asOf\":\"2014-03-17\",\"act\":\"kz.decree_845\","
            + "\"step\":\"rework-after-commission\",\"eventDate\":\"2014-03-17\",\"reworkTerm\":\"revision-then-round\"}";
    private static final String TIMELINE = "{\"asOf\":\"2018-11-20\",\"act\":\"ru.kamchatka_guidelines\",\"service\":"
            + SERVICE + ",\"events\":{\"regulationApproved\":\"2018-10-01\",\"otrAgreed\":\"2018-10-25\"}}";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("period", PERIOD, 200, null, null),
                Arguments.of("period", PERIOD.replace("\"eventDate\":\"2018-04-27\"", "\"eventDate\":\"2018-02-30\""),
                        400, "eventDate", "2018-02-30"),
                Arguments.of("period", PERIOD.replace("working-days", "fortnights"), 400, "unit", "fortnights"),
                Arguments.of("period", PERIOD.replace("after", "around"), 400, "direction", "after or before"),
                Arguments.of("period", PERIOD.replace("\"RU\"", "\"US\""), 400, "jurisdiction", "RU or KZ"),
                Arguments.of("period", PERIOD.replace("14", "0"), 400, "count", "greater than 0"),
                Arguments.of("period", PERIOD.replace("\"RU\"", "\"KZ\""), 200, null, null),
                Arguments.of("period", PERIOD.replace("\"RU\"", "\"KZ\"").replace("\"asOf\":\"2018-04-27\"",
                        "\"asOf\":\"2021-07-01\""), 422, "asOf", "Об административных процедурах"),
                Arguments.of("period", PERIOD.replace("\"RU\"", "\"KZ\"").replace("\"asOf\":\"2018-04-27\"",
                        "\"asOf\":\"2021-06-30\""), 200, null, null),
                Arguments.of("period", PERIOD.replace("\"eventDate\":\"2018-04-27\"", "\"eventDate\":\"2012-12-20\""),
                        422, "eventDate", "covers 2013–2026"),
                Arguments.of("period", PERIOD + "x", 400, "(body)", "malformed JSON"),
                // A term that reaches past the calendar is the count's fault, not the event's; a date of the calendar
                // outside it, the year's.
                Arguments.of("period", PERIOD.replace("\"count\":14,\"unit\":\"working-days\"",
                        "\"count\":3650,\"unit\":\"years\""), 422, "count", "the period reaches 5668-04-27"),
                Arguments.of("period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"kind\":\"annual-date\","
                        + "\"monthDay\":\"03-30\",\"year\":1950}", 422, "year", "covers 2013–2026"),
                // A field the kind of period does not read is refused, not ignored.
                Arguments.of("period", PERIOD.replace("}", ",\"year\":2021}"), 400, "year",
                        "does not apply to a period of kind within"),
                Arguments.of("period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"kind\":\"annual-date\","
                        + "\"monthDay\":\"03-30\",\"year\":2021,\"count\":3}", 400, "count",
                        "does not apply to a period of kind annual-date, which reads decreeNonWorkingDays, monthDay, year"),
                Arguments.of("period", PERIOD.replace("}", ",\"periodBefore\":\"full-period-between\"}"), 400,
                        "periodBefore", "a reading of a period counted back before an event (direction before), not of"
                                + " one after it"),
                Arguments.of("period", PERIOD.replace("after", "before").replace("}",
                        ",\"periodBefore\":\"full-period-between\"}"), 200, null, null),
                Arguments.of("period", PERIOD.replace("\"RU\"", "\"KZ\"").replace("}", ",\"decreeNonWorkingDays\":\"skip\"}"),
                        400, "decreeNonWorkingDays", "do not apply to KZ"),
                Arguments.of("deadline", DEADLINE, 200, null, null),
                Arguments.of("deadline", DEADLINE.replace("ru.kamchatka_guidelines", "ru.moscow"), 400, "act", "ru.moscow"),
                Arguments.of("deadline", DEADLINE.replace("implementation", "approval"), 400, "step", "approval"),
                Arguments.of("deadline", DEADLINE.replace("\"step\":\"implementation\",", ""), 400, "step", "blank"),
                Arguments.of("deadline", DEADLINE.replace("2018-10-25", "2018-10-32"), 400, "eventDate", "2018-10-32"),
                Arguments.of("deadline", DEADLINE.replace("2018-10-01", "2018-09-11"), 422, "asOf", "1.0"),
                Arguments.of("deadline", DEADLINE.replace("}", ",\"language\":\"kk\"}"), 400, "language",
                        "ru.kamchatka_guidelines is encoded from its Russian text only"),
                Arguments.of("deadline", DEADLINE.replace("ru.kamchatka_guidelines", "ru.smolensk_order_451"), 400,
                        "act", "no deadlines"),
                // A parameter or reading the step's rules do not read (act.yaml's stepReads) is refused, not ignored;
                // one they read is taken.
                Arguments.of("deadline", DEADLINE.replace("}", ",\"parameters\":{\"regulationsReceived\":6}}"), 400,
                        "parameters.regulationsReceived", "step implementation of ru.kamchatka_guidelines does not read"
                                + " it; it reads no parameter or reading"),
                Arguments.of("deadline", DEADLINE.replace("implementation", "otr-development")
                        .replace("}", ",\"parameters\":{\"regulationsReceived\":6}}"), 200, null, null),
                Arguments.of("deadline", DEADLINE.replace("implementation", "otr-development")
                        .replace("}", ",\"parameters\":{\"year\":2018}}"), 400, "parameters.year",
                        "it reads parameters.otrExtendedTermDays, parameters.regulationsReceived"),
                Arguments.of("deadline", DEADLINE.replace("}", ",\"reworkTerm\":\"revision-then-round\"}"), 400,
                        "reworkTerm", "does not read it"),
                // An event date for a step due on a date of its own is refused, unless its rules read it (the month
                // of a commission's meeting, clause 25).
                Arguments.of("deadline", DEADLINE.replace("implementation", "electronic-availability"), 400, "eventDate",
                        "step electronic-availability of ru.kamchatka_guidelines is due on a date of its own"),
                Arguments.of("deadline", DEADLINE.replace("implementation", "electronic-availability")
                        .replace(",\"eventDate\":\"2018-10-25\"", ""), 200, null, null),
                Arguments.of("deadline", "{\"asOf\":\"2014-03-17\",\"act\":\"kz.decree_845\",\"step\":"
                        + "\"commission-meeting\",\"eventDate\":\"2014-03-01\"}", 200, null, null),
                Arguments.of("deadline", KZ_REWORK, 200, null, null),
                Arguments.of("deadline", KZ_REWORK.replace("\"reworkTerm\"", "\"periodBefore\"")
                        .replace("revision-then-round", "full-period-between"), 400, "periodBefore",
                        "step rework-after-commission of kz.decree_845 does not read it; it reads reworkTerm"),
                Arguments.of("deadline", KZ_REWORK.replace("}", ",\"decreeNonWorkingDays\":\"skip\"}"), 400,
                        "decreeNonWorkingDays", "do not apply to kz.decree_845 (KZ)"),
                Arguments.of("timeline", "{\"asOf\":\"2020-06-01\",\"act\":\"kz.order_133\",\"events\":{}}", 200,
                        null, null),
                Arguments.of("timeline", "{\"asOf\":\"2020-06-01\",\"act\":\"kz.order_133\",\"events\":{},"
                        + "\"service\":" + SERVICE + "}", 400, "service", "no step of kz.order_133 reads it; they read year"),
                Arguments.of("timeline", TIMELINE.replace("\"events\"", "\"year\":2018,\"events\""), 400, "year",
                        "no step of ru.kamchatka_guidelines reads it"),
                Arguments.of("timeline", TIMELINE.replace("\"events\"", "\"testingRemarks\":true,\"events\""), 200,
                        null, null),
                Arguments.of("timeline", "{\"asOf\":\"2018-11-20\",\"act\":\"ru.kamchatka_guidelines\",\"events\":{},"
                        + "\"mfcOnlyBooking\":\"not-provided\"}", 400, "mfcOnlyBooking", "give the service it decides"),
                Arguments.of("timeline", TIMELINE, 200, null, null),
                Arguments.of("timeline", TIMELINE.replace("otrAgreed\":\"2018-10-25", "otrAgreed\":\"2018-09-25"), 400,
                        "events.otrAgreed", "cannot precede"),
                Arguments.of("timeline", TIMELINE.replace("otrAgreed", "otrSigned"), 400, "events.otrSigned",
                        "not an event"),
                Arguments.of("timeline", TIMELINE.replace("2018-10-25", "tomorrow"), 400, "events.otrAgreed", "tomorrow"),
                Arguments.of("timeline", TIMELINE.replace("2018-10-25", "2018-12-25"), 400, "events.otrAgreed", "after asOf"),
                Arguments.of("e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q5\",\"percent\":50}", 400,
                        "quarter", "2016-Q4"),
                Arguments.of("e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\",\"percent\":150}", 400,
                        "percent", "100"),
                Arguments.of("service-error-rate", "{\"asOf\":\"2017-01-15\",\"errors\":11,\"calls\":10}", 400,
                        "errors", "cannot exceed"),
                Arguments.of("service-error-rate", "{\"asOf\":\"2017-01-15\",\"errors\":1,\"calls\":0}", 400,
                        "calls", "greater than 0"),
                Arguments.of("plan-status", "{\"asOf\":\"2017-01-15\",\"completed\":{\"9.9\":\"2016-12-01\"}}", 400,
                        "completed.9.9", "not an item"),
                // Only what is known on the decision date: a completion, a quarter, a commission's decision after it.
                Arguments.of("plan-status", "{\"asOf\":\"2017-01-15\",\"completed\":{\"2.2\":\"2017-01-16\"}}", 400,
                        "completed.2.2", "after asOf"),
                Arguments.of("plan-status", "{\"asOf\":\"2017-01-15\",\"completed\":{\"2.2\":\"2017-01-15\"}}", 200,
                        null, null),
                Arguments.of("e-services-share", "{\"asOf\":\"2017-03-31\",\"quarter\":\"2017-Q2\",\"percent\":50}",
                        400, "quarter", "begins on 2017-04-01, after asOf"),
                Arguments.of("e-services-share", "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\",\"percent\":50}",
                        200, null, null),
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":4,\"forReturn\":2,\"decisionDate\":\"2014-03-18\"}", 400, "decisionDate",
                        "after asOf"),
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":4,\"forReturn\":2,\"decisionDate\":\"2014-03-17\"}", 200, null, null),
                Arguments.of("commission-meeting", "{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                        + "\"forApproval\":4,\"forReturn\":2,\"decisionDate\":\"2013-01-17\"}", 422, "decisionDate",
                        "judged under the act as it was then"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("refusals")
    void answersOrRefusesNamingTheField(String decision, String body, int status, String field, String reason)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/decisions/" + decision))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode answer = json.readTree(response.body());
        if (status == 200) {
            assertThat(answer.path("decision").asText()).isEqualTo(decision);
            return;
        }
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.path("field").asText()).isEqualTo(field);
        assertThat(answer.path("detail").asText()).contains(reason);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
