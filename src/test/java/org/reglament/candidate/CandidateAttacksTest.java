package org.reglament.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The attacks of issue 12, each through the HTTP API: a candidate's code runs only in its confined worker, whatever
 * it does ends that worker with a problem that says what happened, and the service answers the next decision.
 * One candidate carries every attack, each rule firing for its own number of applications per year; the receipts
 * replayed against it were answered by the live rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // short limits: an endless loop costs this test 5 s
        "reglament.candidates.decision-timeout=5s",
        "reglament.candidates.compile-timeout=90s",
        "reglament.candidates.cpu-time=60s",
        "reglament.candidates.heap=192MB",
        "reglament.candidates.max-kept=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateAttacksTest {
    private static final String PROPOSER = "local-proposer-key";
    private static final String AUDITOR = "local-auditor-key";
    private static final int EXIT = 7001;
    private static final int LOOP = 7002;
    private static final int ALLOCATE = 7003;
    private static final int WRITE = 7004;
    private static final int CONNECT = 7005;
    private static final int READ_SECRETS = 7006;
    /** The service's data directory, holding a file no worker may see. */
    private static final Path DATA = temporaryDirectory("reglament-attack-data-");
    private static final Path SIGNING_KEY = Path.of("target/test-log-key/signing-key.pem").toAbsolutePath();

    private static final long LIVE_BYTES = RuleSources.fromDirectory(Path.of("rules")).files().values().stream()
            .mapToLong(content -> content.length).sum();

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Path outside;
    private ServerSocket listener;
    private String candidate;
    private final Map<Integer, String> decisions = new HashMap<>();

    /** Room for two candidates like the live rules and 30 KB more, so that one 40 KB larger is over the bytes. */
    @DynamicPropertySource
    static void quotaAndDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("reglament.candidates.max-total-size", () -> (2 * LIVE_BYTES + 30_000) + "B");
        registry.add("reglament.data-directory", DATA::toString);
    }

    @BeforeAll
    void proposeTheAttacksAndRecordTheirReceipts() throws Exception {
        Bubblewrap.assumeInstalled();
        outside = Files.createTempDirectory("reglament-attack-");
        listener = new ServerSocket(0);
        listener.setSoTimeout(200);
        String drl = CandidateAttacks.drl(Map.of(
                EXIT, "System.exit(3);",
                LOOP, "long spin = 0; while (spin >= 0) { spin = (spin + 1) % 1000; }",
                ALLOCATE, "java.util.List<long[]> hoard = new java.util.ArrayList<>();"
                        + " for (int i = 0; i < 100000; i++) { hoard.add(new long[1 << 20]); }",
                WRITE, "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + outside.resolve("pwned")
                        + "\"), \"pwned\"); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
                CONNECT, "try { new java.net.Socket(\"127.0.0.1\", " + listener.getLocalPort() + ").close(); }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }",
                READ_SECRETS, "String key; try { key = java.nio.file.Files.readString(java.nio.file.Path.of(\""
                        + SIGNING_KEY + "\")).length() + \" characters\"; } catch (java.io.IOException e) { key = \"unreadable\"; }"
                        + " try (java.util.stream.Stream<java.nio.file.Path> data = java.nio.file.Files.list("
                        + "java.nio.file.Path.of(\"" + DATA + "\"))) { throw new IllegalStateException(\"signing key \" + key"
                        + " + \", \" + data.count() + \" files in the data directory\"); }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }"));
        Files.writeString(DATA.resolve("secret"), "receipts, journal");
        HttpResponse<String> proposed = propose(PROPOSER, Map.of(CandidateAttacks.FILE, drl));
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(200);
        candidate = json.readTree(proposed.body()).path("version").asText();
        for (int applications : new int[] {EXIT, LOOP, ALLOCATE, WRITE, CONNECT, READ_SECRETS}) {
            decisions.put(applications, decide(applications).path("decisionId").asText());
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (listener != null) {
            listener.close();
        }
        if (outside != null) {
            FileSystemUtils.deleteRecursively(outside);
        }
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void systemExitEndsTheWorkerNotTheService() throws Exception {
        JsonNode problem = replayFails(EXIT, "exited");
        assertThat(problem.path("detail").asText()).contains("exited with status 3");
        assertThat(problem.path("decisionId").asText()).isEqualTo(decisions.get(EXIT));
        assertThat(problem.path("version").asText()).isEqualTo(candidate);
        decide(60);
    }

    @Test
    void anEndlessLoopIsStoppedByTheWallClock() throws Exception {
        JsonNode problem = replayFails(LOOP, "time-limit");
        assertThat(problem.path("detail").asText()).contains("within 5 s");
        decide(60);
    }

    @Test
    void aHugeAllocationRunsOutOfTheWorkersMemoryOnly() throws Exception {
        JsonNode problem = replayFails(ALLOCATE, "memory");
        assertThat(problem.path("detail").asText()).contains("memory");
        decide(60);
    }

    @Test
    void aFileWriteOutsideTheScratchDirectoryFails() throws Exception {
        JsonNode problem = replayFails(WRITE, "rule-failed");
        assertThat(problem.path("detail").asText()).contains("атака " + WRITE).contains("Read-only file system");
        assertThat(outside.resolve("pwned")).doesNotExist();
        decide(60);
    }

    @Test
    void theWorkerHasNoNetwork() throws Exception {
        JsonNode problem = replayFails(CONNECT, "rule-failed");
        assertThat(problem.path("detail").asText()).contains("атака " + CONNECT).containsAnyOf("Connection refused",
                "Network is unreachable");
        try {
            listener.accept().close();
            throw new AssertionError("the candidate reached a port of this machine");
        } catch (SocketTimeoutException expected) {
            // nothing connected
        }
        decide(60);
    }

    @Test
    void theDataDirectoryAndTheSigningKeyAreHiddenFromTheWorker() throws Exception {
        assertThat(Files.size(SIGNING_KEY)).as("the service's signing key").isPositive();
        JsonNode problem = replayFails(READ_SECRETS, "rule-failed");
        assertThat(problem.path("detail").asText())
                .contains("signing key unreadable, 0 files in the data directory");
        decide(60);
    }

    @Test
    void metadataIsNeverEvaluatedAndARefusedCandidateIsNotKept() throws Exception {
        Path evaluated = outside.resolve("evaluated");
        String drl = CandidateAttacks.drl(Map.of(EXIT, "")).replace("@quote(\"атака\")",
                "@quote(java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + evaluated + "\")).toString())");
        Map<String, String> files = Map.of(CandidateAttacks.FILE, drl);
        HttpResponse<String> refused = propose(PROPOSER, files);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(problem.path("field").asText()).isEqualTo("files");
        assertThat(problem.path("detail").asText()).contains("the candidate does not compile")
                .contains("metadata must be a plain string literal").doesNotContain("Exception");
        assertThat(evaluated).as("the metadata expression was not run").doesNotExist();
        assertNotKept(files);

        Map<String, String> broken = Map.of(CandidateAttacks.FILE, "package ru.kamchatka_guidelines;\nrule \"x\" when");
        assertThat(propose(PROPOSER, broken).statusCode()).isEqualTo(400);
        assertNotKept(broken);
        decide(60);
    }

    @Test
    void fileKeysAreRelativePathsOfTheFormRulesUses() throws Exception {
        for (String key : new String[] {"\\tmp\\pwned", "/tmp/pwned.drl", "../pwned.drl", "ru//act.yaml", "ru/./x.drl",
                "ru/run.sh", "RU/x.drl", ""}) {
            HttpResponse<String> refused = propose(PROPOSER, Map.of(key, "x"));
            assertThat(refused.statusCode()).as("key %s: %s", key, refused.body()).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("field").asText()).isEqualTo("files");
            assertThat(problem.path("detail").asText()).contains("\"" + key + "\"");
        }
        for (String key : RuleSources.fromDirectory(Path.of("rules")).files().keySet()) {
            CandidateFiles.check(key); // every key of the live rules is one a candidate may use
        }
    }

    @Test
    void proposingIsARoleOfItsOwn() throws Exception {
        HttpResponse<String> auditor = propose(AUDITOR, Map.of("ru/kamchatka_guidelines/act.yaml", "x"));
        assertThat(auditor.statusCode()).as(auditor.body()).isEqualTo(403);
        assertThat(json.readTree(auditor.body()).path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(send(AUDITOR, "DELETE", "/api/v1/audit/knowledge-bases/" + candidate, null).statusCode()).isEqualTo(403);
        assertThat(send(null, "POST", "/api/v1/audit/knowledge-bases", "{}").statusCode()).isEqualTo(401);
        // the auditor may still replay against a candidate and list them
        assertThat(send(AUDITOR, "GET", "/api/v1/audit/knowledge-bases", null).statusCode()).isEqualTo(200);
    }

    @Test
    void candidatesHaveAQuota() throws Exception {
        String act = Files.readString(Path.of("rules/ru/kamchatka_guidelines/act.yaml"));
        HttpResponse<String> tooLarge = propose(PROPOSER, Map.of("ru/kamchatka_guidelines/notes.txt", "x".repeat(40_000)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(409);
        assertThat(json.readTree(tooLarge.body()).path("type").asText()).isEqualTo("/problems/candidate-quota");
        assertThat(json.readTree(tooLarge.body()).path("detail").asText()).contains("max-total-size");

        HttpResponse<String> second = propose(PROPOSER, Map.of("ru/kamchatka_guidelines/act.yaml",
                act.replace("    value: 100\n", "    value: 99\n")));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        String secondVersion = json.readTree(second.body()).path("version").asText();

        HttpResponse<String> third = propose(PROPOSER, Map.of("ru/kamchatka_guidelines/act.yaml",
                act.replace("    value: 100\n", "    value: 98\n")));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(409);
        JsonNode full = json.readTree(third.body());
        assertThat(full.path("kept").asInt()).isEqualTo(2);
        assertThat(full.path("maxKept").asInt()).isEqualTo(2);
        assertThat(full.path("detail").asText()).contains("max-kept");

        assertThat(send(PROPOSER, "DELETE", "/api/v1/audit/knowledge-bases/" + secondVersion, null).statusCode())
                .isEqualTo(204);
        JsonNode versions = json.readTree(send(AUDITOR, "GET", "/api/v1/audit/knowledge-bases", null).body());
        assertThat(versions.path("candidates").findValuesAsText("version")).containsExactly(candidate);
        assertThat(send(PROPOSER, "DELETE", "/api/v1/audit/knowledge-bases/" + secondVersion, null).statusCode())
                .isEqualTo(404);
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode replayFails(int applications, String reason) throws Exception {
        HttpResponse<String> replay = send(AUDITOR, "POST", "/api/v1/audit/decisions/" + decisions.get(applications)
                + "/replay?against=" + candidate, "");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(422);
        assertThat(replay.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(replay.body());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/candidate-failed");
        assertThat(problem.path("reason").asText()).as(replay.body()).isEqualTo(reason);
        return problem;
    }

    private void assertNotKept(Map<String, String> files) throws Exception {
        String version = CandidateFiles.apply(RuleSources.fromDirectory(Path.of("rules")), files).version();
        assertThat(jdbc.queryForObject("select count(*) from knowledge_base_version where version = ?", Integer.class,
                version)).isZero();
        assertThat(send(AUDITOR, "GET", "/api/v1/audit/knowledge-bases", null).body()).doesNotContain(version);
    }

    /** A decision answered by the live rules: the service is up and answering. */
    private JsonNode decide(int applications) throws Exception {
        HttpResponse<String> answer = send(null, "POST", "/api/v1/decisions/action-matrix",
                CandidateWorkersTest.MATRIX_REQUEST.formatted(applications));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> propose(String key, Map<String, String> files) throws Exception {
        return send(key, "POST", "/api/v1/audit/knowledge-bases",
                json.writeValueAsString(Map.of("basedOn", "current", "files", files)));
    }

    private HttpResponse<String> send(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
