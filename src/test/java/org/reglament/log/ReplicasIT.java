package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas of the packaged jar on one real PostgreSQL log, behind a real HAProxy on loopback, driven with
 * decisions through the balancer. One replica is killed (SIGKILL) mid-load and started again; another is stopped
 * (SIGTERM) mid-load, which must cost no client an error. Afterwards: every decision that got an answer is in the
 * log with the digest it was answered with, no receipt is there twice, every stream verifies, and the clients saw
 * no error beyond the requests in flight on the killed replica. Run by Failsafe after the jar is packaged
 * ({@code ./mvnw verify}); .ci/run installs HAProxy and PostgreSQL and sets REGLAMENT_TEST_POSTGRES_URL.
 */
class ReplicasIT {
    private static final String DECIDER = "replicas-it-decider-key-" + UUID.randomUUID();
    private static final String AUDITOR = "replicas-it-auditor-key-" + UUID.randomUUID();
    private static final int CLIENTS = 8;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path work;

    private String schema;
    private String url;

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
    }

    /** One replica of the packaged jar, as an operator would start it, logging to a file of its own. */
    private Process replica(int n, int port, int managementPort) throws IOException {
        Path jar = Path.of(System.getProperty("reglament.jar", "target/reglament-0.1.0-SNAPSHOT.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + env("USER", "reglament"),
                "--spring.datasource.password=" + env("PASSWORD", "reglament"),
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.create-schemas=true",
                "--reglament.instance-name=replica-" + n, "--reglament.data-directory=" + work.resolve("data-" + n),
                "--reglament.audit.log.signing-key=" + work.resolve("key/signing-key.pem"),
                "--reglament.audit.log.create-signing-key=false", "--reglament.audit.log.lease-seconds=4",
                "--reglament.security.api-keys[0].name=it-registry-tool", "--reglament.security.api-keys[0].key=" + DECIDER,
                "--reglament.security.api-keys[0].roles=DECIDER", "--reglament.security.api-keys[1].name=it-auditor",
                "--reglament.security.api-keys[1].key=" + AUDITOR, "--reglament.security.api-keys[1].roles=AUDITOR",
                "--server.shutdown=graceful", "--spring.lifecycle.timeout-per-shutdown-phase=20s",
                "--reglament.shutdown.drain=1s"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("replica-" + n + ".log").toFile())).start();
        processes.add(process);
        return process;
    }

    private static String env(String name, String otherwise) {
        return System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_" + name, otherwise);
    }

    private boolean ready(int managementPort) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(int managementPort, Process process, int n) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!ready(managementPort)) {
            assertThat(process.isAlive()).as("replica " + n + " died: " + tail(n)).isTrue();
            assertThat(System.nanoTime()).as("replica " + n + " not ready in 180 s: " + tail(n)).isLessThan(until);
            Thread.sleep(250);
        }
    }

    private String tail(int n) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("replica-" + n + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process haproxy(int port, int[] ports, int[] managementPorts) throws IOException {
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 2048
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    # A request that could not reach a replica (the connection refused) goes to another, as in
                    # docker/haproxy/haproxy.cfg. Not on an empty response: a replica killed after recording a
                    # decision answers nothing, and a retry would record the client's one request twice.
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                frontend reglament
                    bind 127.0.0.1:%d
                    default_backend replicas
                backend replicas
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                    default-server inter 300ms fall 1 rise 2
                """.formatted(port));
        for (int i = 0; i < ports.length; i++) {
            config.append("    server replica-").append(i + 1).append(" 127.0.0.1:").append(ports[i])
                    .append(" check port ").append(managementPorts[i]).append('\n');
        }
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
        processes.add(process);
        return process;
    }

    private static String matrix(int applications, String registryId) {
        return "{\"asOf\":\"2018-10-01\",\"service\":{\"registryId\":\"" + registryId + "\",\"name\":\"Услуга\","
                + "\"category\":\"REGIONAL\",\"applicationsPerYear\":" + applications + ",\"electronicWithoutOriginals\":true,"
                + "\"inPersonReceptionAtAgency\":true,\"feeOrPayment\":true,\"providedViaMfc\":true}}";
    }

    /** What a client got: an answer's receipt fields, or the kind of error. */
    private record Answered(String decisionId, String digest, int stream, long leafIndex) {
    }

    @Test
    void threeReplicasOnOneLogLoseNothingWhenOneIsKilledAndOneStopped() throws Exception {
        String base = System.getenv("REGLAMENT_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(base != null && base.startsWith("jdbc:postgresql:"),
                "needs a PostgreSQL server: REGLAMENT_TEST_POSTGRES_URL (.ci/run starts one)");
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v haproxy").start().waitFor() == 0,
                "needs HAProxy (Debian package haproxy; .ci/run installs it)");
        schema = "replicas_it_" + UUID.randomUUID().toString().replace("-", "");
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        LogKey.generate(work.resolve("key/signing-key.pem"));

        int[] ports = {freePort(), freePort(), freePort()};
        int[] managementPorts = {freePort(), freePort(), freePort()};
        Process[] replicas = new Process[3];
        // The first creates the schema; the other two start once it is there.
        replicas[0] = replica(1, ports[0], managementPorts[0]);
        awaitReady(managementPorts[0], replicas[0], 1);
        replicas[1] = replica(2, ports[1], managementPorts[1]);
        replicas[2] = replica(3, ports[2], managementPorts[2]);
        awaitReady(managementPorts[1], replicas[1], 2);
        awaitReady(managementPorts[2], replicas[2], 3);
        int balancer = freePort();
        haproxy(balancer, ports, managementPorts);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!allUp(balancer)) {
            assertThat(System.nanoTime()).as("HAProxy does not answer: " + Files.readString(work.resolve("haproxy.log")))
                    .isLessThan(until);
            Thread.sleep(200);
        }

        Map<String, Answered> answered = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger phase = new AtomicInteger();
        Map<Integer, AtomicInteger> errorsByPhase = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; running.get() && i < 100_000; i++) {
                    sent.incrementAndGet();
                    String registryId = String.format("41%03d%09d", client, i);
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + balancer + "/api/v1/decisions/action-matrix")).timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json").header("X-API-Key", DECIDER)
                                .POST(HttpRequest.BodyPublishers.ofString(matrix(90 + i % 20, registryId))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            JsonNode answer = json.readTree(response.body());
                            answered.put(answer.path("decisionId").asText(), new Answered(answer.path("decisionId").asText(),
                                    answer.path("digest").asText(), answer.path("log").path("stream").asInt(),
                                    answer.path("log").path("leafIndex").asLong()));
                        } else {
                            error(errors, errorsByPhase, phase, "HTTP " + response.statusCode());
                        }
                    } catch (IOException e) {
                        error(errors, errorsByPhase, phase, e.getClass().getSimpleName());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(5000);
        int beforeKill = answered.size();
        phase.set(1);
        replicas[1].destroyForcibly(); // SIGKILL: the requests in flight on it are lost to their clients
        replicas[1].waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(3000);
        phase.set(2);
        replicas[1] = replica(2, ports[1], managementPorts[1]);
        awaitReady(managementPorts[1], replicas[1], 2);
        Thread.sleep(2000);
        phase.set(3);
        int beforeStop = answered.size();
        replicas[2].destroy(); // SIGTERM: readiness goes down, the requests in flight are answered and recorded
        List<Integer> readiness = new ArrayList<>();
        while (replicas[2].isAlive() && readiness.size() < 4000) {
            readiness.add(readinessStatus(managementPorts[2]));
            Thread.sleep(10);
        }
        boolean exited = replicas[2].waitFor(40, TimeUnit.SECONDS);
        Thread.sleep(2000);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int afterStop = answered.size();

        // Every answered decision is in the log, once, with the digest and place it was answered with.
        Map<String, String[]> logged = new HashMap<>();
        Map<String, Integer> receiptsPerRequest = new HashMap<>();
        long rows = 0;
        try (Connection db = DriverManager.getConnection(url, env("USER", "reglament"), env("PASSWORD", "reglament"));
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("select decision_id, digest, stream, leaf_index, registry_id"
                     + " from receipt")) {
            while (rs.next()) {
                rows++;
                logged.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                receiptsPerRequest.merge(rs.getString(5), 1, Integer::sum);
            }
        }
        // Every client request carries a registry id of its own: one with two receipts was recorded twice.
        List<String> recordedTwice = receiptsPerRequest.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        long missing = answered.values().stream().filter(a -> !logged.containsKey(a.decisionId())).count();
        long mismatched = answered.values().stream().filter(a -> logged.containsKey(a.decisionId())).filter(a -> {
            String[] row = logged.get(a.decisionId());
            return !row[0].equals(a.digest()) || Integer.parseInt(row[1]) != a.stream()
                    || Long.parseLong(row[2]) != a.leafIndex();
        }).count();
        JsonNode verification = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer
                + "/api/v1/audit/verify")).header("X-API-Key", AUDITOR).timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long streams = answered.values().stream().mapToInt(Answered::stream).distinct().count();
        int errorsTotal = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        String report = String.format("""
                replicas: 3 on one PostgreSQL log behind HAProxy, %d clients
                sent %d, answered %d (%d before the kill, %d before the SIGTERM, %d after it)
                client errors %d %s, by phase %s (0 running, 1 killed, 2 restarted, 3 stopped)
                receipts in the log %d (%d distinct decisions, %d requests recorded twice), answered but missing %d,
                mismatched %d
                streams answered from %d; verify intact %s, %d receipts verified, %d problems
                the SIGTERMed replica exited %s with %s; its readiness while stopping: %s
                """, CLIENTS, sent.get(), answered.size(), beforeKill, beforeStop, afterStop - beforeStop, errorsTotal,
                errors, errorsByPhase, rows, logged.size(), recordedTwice.size(), missing, mismatched, streams,
                verification.path("intact").asBoolean(), verification.path("verified").asLong(),
                verification.path("problemCount").asLong(), exited ? "in time" : "NOT in time",
                exited ? replicas[2].exitValue() : -1, runs(readiness));
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/replicas-it-report.txt"), report);

        assertThat(answered).as(report).hasSizeGreaterThan(200);
        assertThat(afterStop - beforeStop).as("decisions went on after the SIGTERM").isPositive();
        assertThat(missing).as(report).isZero();
        assertThat(mismatched).as(report).isZero();
        assertThat(recordedTwice).as("no client request recorded twice: " + report).isEmpty();
        assertThat(rows - answered.size()).as("receipts of decisions no client saw answered are at most those in"
                + " flight on the killed replica: " + report).isBetween(0L, (long) CLIENTS);
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("verified").asLong()).isEqualTo(rows);
        assertThat(streams).as("the replicas wrote streams of their own").isGreaterThanOrEqualTo(3);
        assertThat(errorsTotal).as("errors beyond the requests in flight on the killed replica: " + report)
                .isLessThanOrEqualTo(CLIENTS);
        assertThat(errorsByPhase.keySet()).as("errors only when the replica was killed: " + report)
                .allMatch(p -> p == 1);
        assertThat(exited).as("the SIGTERMed replica stops within its grace period").isTrue();
        assertThat(readiness).as("readiness goes down (503) while the stopping replica still answers: " + report)
                .contains(503);
        assertThat(readiness.subList(readiness.indexOf(503), readiness.size())).as(report).doesNotContain(200);
    }

    private static void error(Map<String, AtomicInteger> errors, Map<Integer, AtomicInteger> byPhase, AtomicInteger phase,
                              String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        byPhase.computeIfAbsent(phase.get(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** The readiness status, or 0 when nothing answers. */
    private int readinessStatus(int managementPort) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** 200, 200, 503, 0 as "200 ×2, 503 ×1, 0 ×1". */
    private static String runs(List<Integer> statuses) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statuses.size(); ) {
            int j = i;
            while (j < statuses.size() && statuses.get(j).equals(statuses.get(i))) {
                j++;
            }
            text.append(text.isEmpty() ? "" : ", ").append(statuses.get(i)).append(" ×").append(j - i);
            i = j;
        }
        return text.toString();
    }

    private boolean allUp(int balancer) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer + "/api/v1/knowledge-base/editions?asOf=2018-10-01"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
