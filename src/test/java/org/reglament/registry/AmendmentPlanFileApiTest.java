package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reglament.api.StartedServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /api/v1/registries/plan-of-amendments: a plan of amendments (Kamchatka guidelines, section 2) sent as a
 * spreadsheet is checked as the JSON endpoint checks it, and its receipt holds the plan as that endpoint takes it.
 */
@StartedServer
class AmendmentPlanFileApiTest {
    private static final String AUDITOR = "local-auditor-key";
    private static final List<String> FORM = List.of("№ п/п", "Наименование услуги (подуслуги)", "ИОГВ/ОМСУ",
            "Реквизиты Административного регламента", "Срок внесения изменений", "Ответственное должностное лицо",
            "Среднее количество заявлений в год");
    /**
     * Row 1 is planned after 30.09.2018 (2 para. 5); row 2, the least demanded, before rows 1 and 3, which are more
     * demanded: the check reports that on each of them.
     */
    private static final List<List<String>> ROWS = List.of(
            List.of("1", "Выдача разрешений на добычу охотничьих ресурсов", "Минприроды", "Приказ от 05.06.2018 № 512-П",
                    "01.10.2018", "Иванов И. И.", "900"),
            List.of("2", "Выдача дубликата", "Минприроды", "Приказ от 05.06.2018 № 512-П", "2018-08-31",
                    "Петров П. П.", "40"),
            List.of("3", "Предоставление информации об объектах учёта", "Агентство", "Приказ от 12.03.2018 № 245-п",
                    "15.09.2018", "Сидоров С. С.", "1200"));

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String query, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + RegistryController.PLAN_PATH
                        + query)).header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] csv(List<String> title, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF");
        List<List<String>> all = new ArrayList<>();
        if (title != null) {
            all.add(title);
        }
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            text.append(String.join(";", row)).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCsvPlanUnderATitleRowIsCheckedAsTheJsonEndpointChecksItAndRecordedAsItsRequest() throws Exception {
        byte[] file = csv(List.of("План внесения изменений в административные регламенты Министерства"), FORM, ROWS);
        HttpResponse<String> response = post("?asOf=2018-10-01&author=iogv&approvedByOrder=true", "text/csv", file);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.path("decision").asText()).isEqualTo("plan-of-amendments-check");
        JsonNode result = answer.path("result");
        assertThat(result.path("followsRecommendations").asBoolean()).isFalse();
        assertThat(result.path("missingColumns")).isEmpty();
        List<String> findings = new ArrayList<>();
        result.path("findings").forEach(f -> findings.add(f.path("row").asText() + " " + f.path("rule").asText()));
        assertThat(findings).containsExactlyInAnyOrder("1 2 абз. 5 срок строки за пределом",
                "1 2 абз. 5 наиболее востребованные в первую очередь",
                "3 2 абз. 5 наиболее востребованные в первую очередь");

        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/audit/decisions/" + answer.path("decisionId").asText())).header("X-API-Key", AUDITOR)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        JsonNode asked = json.readTree(receipt.body()).path("request");
        assertThat(asked.path("plan").path("author").asText()).isEqualTo("iogv");
        assertThat(asked.path("plan").path("rows")).hasSize(3);
        assertThat(asked.path("plan").path("rows").get(0).path("term").asText()).isEqualTo("2018-10-01");
        assertThat(asked.path("plan").path("rows").get(1).path("applicationsPerYear").asInt()).isEqualTo(40);

        // The same plan through the JSON endpoint gives the same result.
        HttpResponse<String> viaJson = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/decisions/plan-of-amendments/check")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(json.createObjectNode()
                        .put("asOf", "2018-10-01").set("plan", asked.path("plan"))))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaJson.statusCode()).as(viaJson.body()).isEqualTo(200);
        assertThat(json.readTree(viaJson.body()).path("result")).isEqualTo(result);
    }

    @Test
    void aWorkbookWithoutTheResponsibleColumnLacksItAsAFindingOfTheCheck() throws Exception {
        List<String> header = FORM.subList(0, 5);
        List<List<String>> rows = ROWS.stream().map(row -> row.subList(0, 5)).toList();
        List<List<String>> sheet = new ArrayList<>();
        sheet.add(header);
        sheet.addAll(rows);
        HttpResponse<String> response = post("?asOf=2018-10-01&author=iogv&approvedByOrder=true",
                RegistryFormat.XLSX_TYPE, Registry.xlsx("План", sheet));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode missing = json.readTree(response.body()).path("result").path("missingColumns");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).path("column").asText()).isEqualTo("responsible");
        assertThat(missing.get(0).path("rule").asText()).isEqualTo("2 абз. 4 графа плана отсутствует");
    }

    @Test
    void aHeaderTheReaderForgivesIsAColumnTheCheckSeesToo() throws Exception {
        List<String> header = new ArrayList<>(FORM);
        header.set(4, "«Срок внесения изменений»:");
        List<List<String>> rows = List.of(List.of("1", "Выдача дубликата", "Минприроды", "Приказ", "1.9.2018",
                "Петров П. П.", "40"));
        HttpResponse<String> response = post("?asOf=2018-10-01&author=iogv&approvedByOrder=true", "text/csv",
                csv(null, header, rows));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body()).path("result");
        assertThat(result.path("missingColumns")).isEmpty();
        assertThat(result.path("followsRecommendations").asBoolean()).as(result.toString()).isTrue();
    }

    @Test
    void aTermThatIsNotADateIsRefusedNamingItsRowAndColumn() throws Exception {
        List<List<String>> rows = new ArrayList<>(ROWS);
        rows.set(1, List.of("2", "Выдача дубликата", "Минприроды", "", "31.02.2018", "Петров П. П.", "40"));
        HttpResponse<String> response = post("?asOf=2018-10-01&author=iogv", "text/csv", csv(null, FORM, rows));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).isEqualTo("row 3, «Срок внесения изменений»");
        assertThat(problem.toString()).contains("31.02.2018").doesNotContain("Exception", "java.");
    }

    @Test
    void whatTheTableDoesNotSayIsAskedForAndAFileWithoutThePlansHeaderIsRefused() throws Exception {
        byte[] file = csv(null, FORM, ROWS);
        HttpResponse<String> noAuthor = post("?asOf=2018-10-01", "text/csv", file);
        assertThat(noAuthor.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noAuthor.body()).path("field").asText()).isEqualTo("author");

        HttpResponse<String> badFlag = post("?asOf=2018-10-01&author=iogv&approvedByOrder=yes", "text/csv", file);
        assertThat(badFlag.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badFlag.body()).path("field").asText()).isEqualTo("approvedByOrder");

        HttpResponse<String> registry = post("?asOf=2018-10-01&author=iogv", "text/csv",
                csv(null, List.of("Идентификатор услуги в реестре", "Наименование услуги", "1*"), List.of(List.of("1", "2", "1"))));
        assertThat(registry.statusCode()).as(registry.body()).isEqualTo(400);
        assertThat(registry.body()).contains("Срок внесения изменений");
    }
}
