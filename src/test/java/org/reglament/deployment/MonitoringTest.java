package org.reglament.deployment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.reglament.deployment.Tree.map;
import static org.reglament.deployment.Tree.text;

/**
 * The monitoring the deployment files set up, against a started server with its management port apart (as k8s/ and
 * docker/compose.yaml run it): the probes and the scrape path they use answer there without a key, every metric the
 * Grafana dashboard reads is one the service exports, every series names its replica, and Debian's Prometheus, given
 * the shipped docker/prometheus/prometheus.yml with its targets pointed here, scrapes the server and answers a query
 * for the decision counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "reglament.instance-name=monitoring-test"})
@AutoConfigureObservability(tracing = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTest {
    private static final String REPLICA = "monitoring-test";
    private static final int DECISIONS = 5;
    /** Prometheus sets these for every target it scrapes; the service does not export them. */
    private static final Set<String> SET_BY_PROMETHEUS = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    private static final String DECISION = """
            {"asOf":"2018-10-01","service":{"registryId":"41000000000001","name":"Услуга","category":"REGIONAL",
             "applicationsPerYear":101,"electronicWithoutOriginals":true,"inPersonReceptionAtAgency":true,
             "feeOrPayment":true,"providedViaMfc":true}}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Value("${reglament.instance-name}")
    String instanceName;

    /** Decisions answered, one rejected (400) and a collection, so that every series the dashboard reads exists. */
    @BeforeAll
    void decide() throws Exception {
        for (int i = 0; i < DECISIONS; i++) {
            assertEquals(200, post("/api/v1/decisions/action-matrix", DECISION).statusCode());
        }
        assertEquals(400, post("/api/v1/decisions/action-matrix", "{\"asOf\":\"2018-10-01\"}").statusCode());
        System.gc();
    }

    @Test
    void theProbesAndTheScrapePathOfTheDeploymentsAnswerOnTheManagementPortWithoutAKey() throws Exception {
        Set<String> probes = new LinkedHashSet<>();
        String haproxy = Files.readString(ComposeFileTest.HAPROXY);
        haproxy.lines().filter(l -> l.trim().startsWith("option httpchk GET "))
                .forEach(l -> probes.add(l.trim().split("\\s+")[3]));
        if (ExternalProgram.find("kubectl").isPresent()) {
            Map<String, Object> container = KubernetesManifests.render().container();
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                probes.add(text(container, probe, "httpGet", "path"));
            }
        }
        assertThat(probes).contains("/actuator/health/readiness");
        for (String probe : probes) {
            HttpResponse<String> answer = get(managementPort, probe);
            assertEquals(200, answer.statusCode(), probe);
            assertEquals("UP", json.readTree(answer.body()).path("status").asText(), probe);
        }
        String scrapePath = text(ComposeFileTest.reglamentJob(ComposeFileTest.yaml(ComposeFileTest.PROMETHEUS)),
                "metrics_path");
        HttpResponse<String> scrape = get(managementPort, scrapePath);
        assertEquals(200, scrape.statusCode());
        assertThat(scrape.body()).contains("reglament_decisions_total{");
    }

    @Test
    void everyMetricTheDashboardReadsIsOneTheServiceExports() throws Exception {
        Set<String> read = new TreeSet<>();
        JsonNode dashboard = json.readTree(ComposeFileTest.DASHBOARD.toFile());
        dashboard.findValuesAsText("expr").forEach(e -> read.addAll(PromQl.metricNames(e)));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            read.addAll(PromQl.metricNames(variable.path("query").path("query").asText(variable.path("query").asText())));
        }
        assertThat(read).as("what an operator must see").contains("reglament_decisions_total",
                "reglament_decision_seconds_bucket", "http_server_requests_seconds_count",
                "reglament_decision_log_behind", "reglament_decision_log_commit_seconds", "reglament_decision_log_batch",
                "reglament_decision_log_tree_size",
                "jvm_memory_used_bytes", "jvm_gc_pause_seconds_sum");

        Set<String> exported = await("the GC pause metric after System.gc()", () -> exportedNames(scrape()),
                names -> names.contains("jvm_gc_pause_seconds_count"), Duration.ofSeconds(20));
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(exported);
        missing.removeAll(SET_BY_PROMETHEUS);
        assertEquals(Set.of(), missing, "metrics the dashboard reads that the service does not export");
    }

    @Test
    void everySeriesNamesItsReplica() throws Exception {
        assertEquals(REPLICA, instanceName);
        List<String> unnamed = scrape().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .filter(l -> !l.contains("replica=\"" + REPLICA + "\"")).toList();
        assertEquals(List.of(), unnamed);
    }

    @Test
    void theShippedPrometheusConfigurationScrapesTheServer() throws Exception {
        ExternalProgram prometheus = ExternalProgram.required("prometheus");
        // The shipped configuration, its Reglament job pointed at this server; a short interval, to wait less.
        Map<String, Object> config = ComposeFileTest.yaml(ComposeFileTest.PROMETHEUS);
        map(config, "global").put("scrape_interval", "1s");
        Map<String, Object> job = ComposeFileTest.reglamentJob(config);
        job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + managementPort))));
        config.put("scrape_configs", List.of(job));
        Path directory = Files.createTempDirectory("reglament-prometheus");
        Path configFile = directory.resolve("prometheus.yml");
        Files.writeString(configFile, new Yaml().dump(config));
        int prometheusPort = freePort();
        Process server = prometheus.start(directory.resolve("prometheus.log"), "--config.file=" + configFile,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--log.level=warn");
        try {
            JsonNode targets = await("the first scrape", () -> prometheusApi(server, directory, prometheusPort,
                            "/api/v1/targets"),
                    body -> Set.of("up", "down").contains(body.path("data").path("activeTargets").path(0).path("health")
                            .asText()), Duration.ofSeconds(90)).path("data").path("activeTargets");
            assertEquals(1, targets.size());
            assertEquals("up", targets.path(0).path("health").asText(), targets.path(0).path("lastError").asText());
            assertEquals("http://127.0.0.1:" + managementPort + "/actuator/prometheus",
                    targets.path(0).path("scrapeUrl").asText());

            JsonNode series = await("reglament_decisions_total in Prometheus", () -> prometheusApi(server, directory,
                            prometheusPort, "/api/v1/query?query=" + URLEncoder.encode(
                                    "reglament_decisions_total{decision=\"action-matrix\",outcome=\"derived\"}",
                                    StandardCharsets.UTF_8)),
                    body -> body.path("data").path("result").size() > 0, Duration.ofSeconds(30))
                    .path("data").path("result").path(0);
            assertEquals("reglament", series.path("metric").path("job").asText());
            assertEquals(REPLICA, series.path("metric").path("replica").asText());
            assertThat(Double.parseDouble(series.path("value").path(1).asText())).isGreaterThanOrEqualTo(DECISIONS);
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    private JsonNode prometheusApi(Process server, Path directory, int prometheusPort, String path) throws Exception {
        if (!server.isAlive()) {
            throw new AssertionError("prometheus exited: " + Files.readString(directory.resolve("prometheus.log")));
        }
        try {
            HttpResponse<String> answer = get(prometheusPort, path);
            return answer.statusCode() == 200 ? json.readTree(answer.body()) : json.createObjectNode();
        } catch (IOException notListeningYet) {
            return json.createObjectNode();
        }
    }

    private String scrape() throws Exception {
        return get(managementPort, "/actuator/prometheus").body();
    }

    /** The names of the samples of an exposition: each line's name, histogram and summary suffixes included. */
    private static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private interface Attempt<T> {
        T get() throws Exception;
    }

    /** Asks again until the answer is as expected, within the time given (bounded waits only). */
    private static <T> T await(String what, Attempt<T> attempt, Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = attempt.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for " + what + "; last answer: " + last);
            }
            Thread.sleep(250);
            last = attempt.get();
        }
        return last;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-API-Key", "local-decider-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int toPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
