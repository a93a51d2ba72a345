package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.RegistryBatchTest.BAD_COUNT;
import static org.reglament.registry.RegistryBatchTest.EXAMPLE;
import static org.reglament.registry.RegistryBatchTest.ORIGINALS_101;
import static org.reglament.registry.RegistryBatchTest.registry;
import static org.reglament.registry.RegistryBatchTest.utf8Csv;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.reglament.api.StartedServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/v1/registries/action-matrix on a started server: formats both ways, problem details, the receipt. */
@StartedServer
class RegistryApiTest {
    private static final String AUDITOR = "local-auditor-key";

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> post(String query, String contentType, String accept, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + RegistryController.PATH + query)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode problem(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }

    @Test
    void aCsvRegistryComesBackFilledInAndIsRecordedAsOneReceipt() throws Exception {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE, ORIGINALS_101, BAD_COUNT)));
        HttpResponse<byte[]> response = post("?asOf=2018-10-01", "text/csv", null, file);

        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        Registry.Answer answer = new Registry.Answer(null, response.body());
        assertThat(answer.csv()).hasSize(5);
        assertThat(answer.csv().get(3).get(8)).isEqualTo("0");
        String decisionId = response.headers().firstValue(RegistryController.DECISION_ID).orElseThrow();
        String digest = response.headers().firstValue(RegistryController.DIGEST).orElseThrow();

        HttpResponse<String> receipt = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/audit/decisions/" + decisionId)).header("X-API-Key", AUDITOR).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(receipt.statusCode()).isEqualTo(200);
        JsonNode recorded = json.readTree(receipt.body());
        assertThat(recorded.path("decision").asText()).isEqualTo("registry-action-matrix");
        assertThat(recorded.path("digest").asText()).isEqualTo(digest);
        assertThat(recorded.path("asOf").asText()).isEqualTo("2018-10-01");
        assertThat(recorded.path("request").path("file").path("sha256").asText()).isEqualTo("sha256:"
                + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file)));
        JsonNode result = recorded.path("answer").path("result");
        assertThat(result.path("services").asLong()).isEqualTo(3);
        assertThat(result.path("withErrors").asLong()).isEqualTo(1);
        // The answers' digest is over the answer cells, not their format: the same file answered as a workbook, in
        // process, gives the digest the HTTP answer in CSV was recorded with.
        assertThat(result.path("answersDigest").asText()).matches("sha256:[0-9a-f]{64}").isEqualTo(
                Registry.run(file, RegistryFormat.CSV, RegistryFormat.XLSX, RegistryMode.DERIVE).summary().answersDigest());
        assertThat(recorded.path("answer").path("knowledgeBaseVersion").asText()).startsWith("sha256:");
    }

    @Test
    void theAnswerComesInTheFormatAcceptAsksForAndAMultipartUploadIsTakenToo() throws Exception {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE)));
        HttpResponse<byte[]> xlsx = post("?asOf=2018-10-01", "text/csv", RegistryFormat.XLSX_TYPE, file);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheet("Сводка")).isNotNull();
            assertThat(Registry.cell(workbook.getSheetAt(0), 2, 3)).isEqualTo("41000000000001");
        }

        String boundary = "reglament-test-boundary";
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"registry.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.write(Registry.xlsx("Реестр", registry(FORM, List.of(EXAMPLE, ORIGINALS_101))));
        form.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> multipart = post("?asOf=2018-10-01&mode=derive", "multipart/form-data; boundary=" + boundary,
                RegistryFormat.JSONL_TYPE, form.toByteArray());
        assertThat(multipart.statusCode()).as(new String(multipart.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        List<String> lines = new String(multipart.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(json.readTree(lines.get(1)).path("result").path("explanatoryNote").path("required").asBoolean()).isTrue();
        assertThat(json.readTree(lines.get(2)).path("summary").path("sheet").asText()).isEqualTo("Реестр");
    }

    @Test
    void aFormThatCannotBeReadOrCarriesTwoFilesIsA400NotAFailureOfTheService() throws Exception {
        JsonNode noBoundary = problem(post("?asOf=2018-10-01", "multipart/form-data", null,
                "x".getBytes(StandardCharsets.UTF_8)));
        assertThat(noBoundary.path("status").asInt()).isEqualTo(400);
        assertThat(noBoundary.path("field").asText()).isEqualTo("(body)");
        assertThat(noBoundary.path("detail").asText()).contains("the multipart form cannot be read");
        JsonNode cutShort = problem(post("?asOf=2018-10-01", "multipart/form-data; boundary=xyz", null,
                ("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(cutShort.path("status").asInt()).isEqualTo(400);

        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE)));
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (int i = 0; i < 2; i++) {
            form.write(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r" + i + ".csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            form.write(file);
            form.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        form.write("--b--\r\n".getBytes(StandardCharsets.UTF_8));
        // A file sent as a text part (no file name, no type) is told by the endpoint, not taken for an unknown parameter.
        byte[] textPart = ("--t\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + new String(file,
                StandardCharsets.UTF_8) + "\r\n--t--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> asText = post("?asOf=2018-10-01", "multipart/form-data; boundary=t", null, textPart);
        assertThat(asText.statusCode()).isEqualTo(415);
        assertThat(problem(asText).path("detail").asText()).contains("the part «file» is neither CSV, XLSX nor JSON Lines");

        JsonNode twoFiles = problem(post("?asOf=2018-10-01", "multipart/form-data; boundary=b", null, form.toByteArray()));
        assertThat(twoFiles.path("status").asInt()).isEqualTo(400);
        assertThat(twoFiles.path("field").asText()).isEqualTo("file");
        assertThat(twoFiles.path("detail").asText()).contains("more than one part «file»");
    }

    @Test
    void aJsonLinesLineThatIsNotJsonIsToldInTheServicesWords() throws Exception {
        HttpResponse<byte[]> nan = post("?asOf=2018-10-01", RegistryFormat.JSONL_TYPE, null,
                "{\"applicationsPerYear\":NaN}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(problem(nan).path("detail").asText()).isEqualTo("line 1 is not JSON: NaN and Infinity are not"
                + " JSON numbers");
        HttpResponse<byte[]> two = post("?asOf=2018-10-01", RegistryFormat.JSONL_TYPE, null,
                "{\"registryId\":\"1\"} {\"registryId\":\"2\"}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(two.body(), StandardCharsets.UTF_8)).contains("more JSON follows the value")
                .doesNotContain("jackson", "Jackson", "Feature", "`");
    }

    @Test
    void aFileThatIsNotARegistryIsAProblemThatNamesWhatIsWrong() throws Exception {
        JsonNode missing = problem(post("?asOf=2018-10-01", "text/csv", null, utf8Csv(registry(
                RegistryBadFilesTest.without(FORM, "Через МФЦ", "МФЦ?"), List.of(EXAMPLE)))));
        assertThat(missing.path("status").asInt()).isEqualTo(400);
        assertThat(missing.path("field").asText()).isEqualTo("Через МФЦ");
        assertThat(missing.path("problem").asText()).isEqualTo("missing-column");
        assertThat(missing.path("detail").asText()).contains("the column «Через МФЦ» is missing", "«МФЦ?»");

        HttpResponse<byte[]> wide = post("?asOf=2018-10-01", "text/csv", null,
                utf8Csv(List.of(Collections.nCopies(10_000, "x"))));
        assertThat(wide.statusCode()).isEqualTo(413);
        assertThat(problem(wide).path("detail").asText()).contains("10000 columns");

        HttpResponse<byte[]> workbookAsCsv = post("?asOf=2018-10-01", "text/csv", null,
                Registry.xlsx("Лист1", registry(FORM, List.of(EXAMPLE))));
        assertThat(workbookAsCsv.statusCode()).isEqualTo(415);
        assertThat(problem(workbookAsCsv).path("detail").asText()).contains("send it as XLSX");

        HttpResponse<byte[]> empty = post("?asOf=2018-10-01", RegistryFormat.XLSX_TYPE, null, new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(problem(empty).path("detail").asText()).contains("the file is empty");
        assertThat(new String(empty.body(), StandardCharsets.UTF_8)).doesNotContain("Exception", "poi", "org.apache");
    }

    @Test
    void parametersAndTheDateAreCheckedBeforeTheFileIsRead() throws Exception {
        byte[] file = utf8Csv(registry(FORM, List.of(EXAMPLE)));
        JsonNode noDate = problem(post("", "text/csv", null, file));
        assertThat(noDate.path("status").asInt()).isEqualTo(400);
        assertThat(noDate.path("field").asText()).isEqualTo("asOf");

        JsonNode badMode = problem(post("?asOf=2018-10-01&mode=guess", "text/csv", null, file));
        assertThat(badMode.path("field").asText()).isEqualTo("mode");

        HttpResponse<byte[]> before = post("?asOf=2018-01-01", "text/csv", null, file);
        assertThat(before.statusCode()).isEqualTo(422);
        assertThat(problem(before).path("field").asText()).isEqualTo("asOf");

        // The 406 of every endpoint: problem details naming Accept and the formats a registry is written in, also
        // for an Accept that cannot be read (it was an empty 406) and for one that refuses CSV with q=0.
        for (String accept : new String[] {"application/json", "garbage", "text/csv;q=0, application/json"}) {
            HttpResponse<byte[]> notAcceptable = post("?asOf=2018-10-01", "text/csv", accept, file);
            assertThat(notAcceptable.statusCode()).as(accept).isEqualTo(406);
            JsonNode refused = problem(notAcceptable);
            assertThat(refused.path("field").asText()).as(accept).isEqualTo("Accept");
            assertThat(refused.path("type").asText()).as(accept).isEqualTo("/problems/not-acceptable");
        }
        assertThat(problem(post("?asOf=2018-10-01", "text/csv", "application/json", file)).path("detail").asText())
                .contains("it answers text/csv, " + RegistryFormat.XLSX_TYPE + ", application/x-ndjson");
        assertThat(post("?asOf=2018-10-01", "text/csv", "application/json;q=0.5, text/csv;q=0.9", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("the most wanted first").startsWith("text/csv");
        // The refusal quotes the Accept as sent, the range in another charset included.
        assertThat(problem(post("?asOf=2018-10-01", "text/csv", "text/csv;charset=utf-16, application/json", file))
                .path("detail").asText()).contains("\"text/csv;charset=utf-16, application/jso");
        // A wildcard never gives a format refused by name (q=0): the first it covers that is not.
        assertThat(post("?asOf=2018-10-01", "text/csv", "text/csv;q=0, */*", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("CSV refused").startsWith(RegistryFormat.XLSX_TYPE);
        // The most specific range says how much a format is wanted (RFC 9110 §12.5.1): «text/*;q=0» refuses CSV
        // beside «*/*», and a CSV wanted at 0.5 comes after the formats a wildcard wants at 0.9.
        assertThat(post("?asOf=2018-10-01", "text/csv", "text/*;q=0, */*", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("text/* refused").startsWith(RegistryFormat.XLSX_TYPE);
        assertThat(post("?asOf=2018-10-01", "text/csv", "text/csv;q=0.5, */*;q=0.9", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("CSV less wanted").startsWith(RegistryFormat.XLSX_TYPE);
        assertThat(post("?asOf=2018-10-01", "text/csv", "text/csv;q=0.9, */*;q=0.5", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("CSV more wanted").startsWith("text/csv");
        assertThat(post("?asOf=2018-10-01", "text/csv", "application/*", file).headers()
                .firstValue("Content-Type").orElseThrow()).as("application/*").startsWith(RegistryFormat.XLSX_TYPE);

        HttpResponse<byte[]> json = post("?asOf=2018-10-01", "application/json", null, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(415);
    }

    @Test
    void theEndpointIsDocumentedInOpenApi() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode operation = json.readTree(docs.body()).path("paths").path(RegistryController.PATH).path("post");
        assertThat(operation.path("requestBody").path("content").has("text/csv")).isTrue();
        assertThat(operation.path("requestBody").path("content").has(RegistryFormat.XLSX_TYPE)).isTrue();
        assertThat(operation.path("responses").has("413")).isTrue();
        assertThat(operation.path("parameters").toString()).contains("asOf", "mode", "sheet");
    }
}
