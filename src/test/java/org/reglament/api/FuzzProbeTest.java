package org.reglament.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz probe: some 4,000 generated requests ({@link FuzzCases}) against every endpoint of a started service, bad
 * input and access control alike, including bearer tokens from a test identity provider. Any 5xx, any internals in a
 * body (a library's or class's name, a stack frame, an HTML page), any request generated invalid but answered 2xx, a
 * refusal that does not name the field at fault or is not problem details, or an answer out of proportion to its
 * request fails it. The seed is fixed and printed; -Dreglament.fuzz.seed=… replays another, -Dreglament.fuzz.cases=…
 * sets the number of cases per decision endpoint. docs/security.md ("Fuzz probe") has its counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class FuzzProbeTest {
    static final TestIdentityProvider IDP = new TestIdentityProvider();
    /**
     * No answer needs more, whatever the request: the largest is a period's day-by-day trace, bounded by count ≤ 3650
     * and the calendars' 14 years (3,450 working days from 09.01.2013 answer 480 KB).
     */
    static final int LARGEST_ANSWER = 512 * 1024;
    private static final Pattern INTERNALS = Pattern.compile("(?i)jackson|fasterxml|com\\.sun|org\\.springframework|"
            + "org\\.apache|org\\.drools|org\\.kie|org\\.h2|org\\.postgresql|org\\.reglament|java\\.[a-z]+\\.|javax\\.|"
            + "jakarta\\.|exception|\\.java:\\d+|\\sat [\\w$.]+\\(|whitelabel|<html|<!doctype|streamreadfeature|jsonparser|"
            + "tomcat|hikari|nimbus|sqlstate");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        IDP.register(registry);
    }

    /** Cases per decision endpoint; the PostgreSQL variant sends fewer. */
    int casesPerDecisionEndpoint() {
        return Integer.getInteger("reglament.fuzz.cases", 280);
    }

    @Test
    void badInputIsRefusedAndAccessHolds() throws Exception {
        long seed = Long.getLong("reglament.fuzz.seed", 20_261_201L);
        int perEndpoint = casesPerDecisionEndpoint();
        System.out.println("Fuzz probe (" + getClass().getSimpleName() + "): seed " + seed + ", " + perEndpoint
                + " cases per decision endpoint; -Dreglament.fuzz.seed=" + seed + " replays it");
        FuzzCases generator = new FuzzCases(new Random(seed), json, IDP);
        List<FuzzCases.Case> cases = new ArrayList<>();
        for (FuzzCases.Endpoint endpoint : FuzzCases.decisionEndpoints()) {
            cases.addAll(generator.mutations(endpoint, perEndpoint));
        }
        String known = knownDecision();
        for (FuzzCases.Endpoint endpoint : FuzzCases.auditEndpoints()) {
            cases.addAll(generator.mutations(endpoint, perEndpoint / 3));
        }
        cases.addAll(generator.accessMatrix(known));
        cases.addAll(generator.receiptQueries(perEndpoint / 2));
        cases.addAll(generator.knowledgeBaseQueries(perEndpoint / 3));
        JsonNode checkpoint = json.readTree(send(new FuzzCases.Case("setup", "GET", "/api/v1/log/checkpoints", Map.of(),
                null, false, false, FuzzCases.ANY, null, "setup")).body).path("streams").get(0);
        cases.addAll(generator.logQueries(perEndpoint / 3, known, checkpoint.path("stream").asInt(),
                checkpoint.path("treeSize").asLong()));
        cases.addAll(generator.strangePaths(perEndpoint / 3));
        cases.addAll(generator.registryFiles(perEndpoint / 2));

        Map<String, int[]> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (FuzzCases.Case c : cases) {
            Answer answer = send(c);
            int[] count = counts.computeIfAbsent(c.endpoint(), e -> new int[5]);
            count[0]++;
            count[c.generatedInvalid() ? 1 : 2]++;
            if (answer.status >= 200 && answer.status < 300) {
                count[3]++;
            }
            if (answer.body.length > count[4]) {
                count[4] = answer.body.length;
            }
            String fault = fault(c, answer);
            if (fault != null) {
                keep(c, answer, failures.size());
            }
            if (fault != null && failures.size() < 40) {
                failures.add(c.method() + " " + c.path() + " [" + c.what() + "] -> " + answer.status + ": " + fault + "\n      "
                        + excerpt(answer.body));
            } else if (fault != null) {
                failures.add("…");
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("| %-50s | %6s | %9s | %6s | %12s | %13s |%n", "endpoint", "cases", "to refuse", "other",
                "answered 2xx", "largest bytes");
        counts.forEach((endpoint, n) -> System.out.printf("| %-50s | %6d | %9d | %6d | %12d | %13d |%n", endpoint, n[0],
                n[1], n[2], n[3], n[4]));
        System.out.printf("%d cases in %.1f s (%.0f/s), %d failures%n", cases.size(), seconds, cases.size() / seconds,
                failures.size());
        assertThat(failures).as("fuzz probe failures (seed " + seed + ")").isEmpty();
    }

    /** What must hold for every answer, and what the case itself demands; null when it all holds. */
    String fault(FuzzCases.Case c, Answer answer) {
        String body = new String(answer.body, StandardCharsets.UTF_8);
        if (answer.status >= 500) {
            return "a server error";
        }
        // The metrics are the JVM's and the service's own, for operators: class names are what they measure.
        if (!c.path().startsWith("/actuator/prometheus") && INTERNALS.matcher(body).find()) {
            return "internals in the body: " + INTERNALS.matcher(body).results().findFirst().map(m -> m.group()).orElse("");
        }
        // The receipt listing is as large as the page the auditor asks for (up to 500 receipts, each holding its request
        // and answer); every other answer is bounded whatever the request.
        if (answer.body.length > LARGEST_ANSWER && !c.path().startsWith("/api/v1/audit/decisions?")
                && !c.path().equals("/api/v1/audit/decisions")) {
            return "an answer of " + answer.body.length + " bytes";
        }
        if (!c.statuses().isEmpty() && !c.statuses().contains(answer.status)) {
            return (c.generatedInvalid() && answer.status < 300 ? "invalid input accepted" : "expected " + c.statuses());
        }
        if (answer.status >= 400) {
            if (answer.contentType == null || !answer.contentType.startsWith("application/problem+json")) {
                return "a refusal that is not problem details: " + answer.contentType;
            }
            JsonNode problem;
            try {
                problem = json.readTree(body);
            } catch (Exception e) {
                return "problem details that are not JSON";
            }
            if (problem.path("status").asInt() != answer.status) {
                return "problem details with status " + problem.path("status");
            }
            if (answer.status == 400 && problem.path("field").asText().isEmpty()) {
                return "a 400 that names no field";
            }
            if (c.field() != null && answer.status == 400) {
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                if (!fields.contains(c.field())) {
                    return "the refusal names " + fields + ", not " + c.field();
                }
            }
        }
        return null;
    }

    /** A failing case's request and answer under target/fuzz-failures, to replay with curl. */
    private void keep(FuzzCases.Case c, Answer answer, int index) throws java.io.IOException {
        if (index >= 40) {
            return;
        }
        java.nio.file.Path dir = java.nio.file.Path.of("target", "fuzz-failures", getClass().getSimpleName());
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(index + ".txt"), c.method() + " " + c.path() + "\n" + c.headers()
                + "\n" + c.what() + "\n-> " + answer.status + "\n" + new String(answer.body, StandardCharsets.UTF_8));
        if (c.body() != null) {
            java.nio.file.Files.write(dir.resolve(index + ".body"), c.body());
        }
    }

    /** A decision on record, for the audit endpoints that read one. */
    private String knownDecision() throws Exception {
        String body = FuzzCases.decisionEndpoints().get(5).bases().get(0);
        Answer answer = send(new FuzzCases.Case("setup", "POST", "/api/v1/decisions/e-services-share",
                Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), false, false,
                FuzzCases.ANY, null, "setup"));
        assertThat(answer.status).isEqualTo(200);
        return json.readTree(answer.body).path("decisionId").asText();
    }

    record Answer(int status, String contentType, byte[] body) {
    }

    Answer send(FuzzCases.Case c) throws Exception {
        if (c.raw()) {
            return sendRaw(c);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                .timeout(Duration.ofSeconds(30));
        c.headers().forEach(request::header);
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : c.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        request.method(c.method(), body);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** Paths and headers no well-behaved client sends, written to the socket as they are. */
    private Answer sendRaw(FuzzCases.Case c) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            c.headers().forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(13).trim()).findFirst().orElse(null);
            byte[] body = end < 0 ? new byte[0] : text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, contentType, body);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int line = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, line).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(text, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
