package org.reglament.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reglament.deployment.Tree.at;
import static org.reglament.deployment.Tree.has;
import static org.reglament.deployment.Tree.list;
import static org.reglament.deployment.Tree.map;
import static org.reglament.deployment.Tree.text;

/**
 * docker/compose.yaml and the files it mounts (HAProxy, Prometheus, Grafana), checked against each other and against
 * the application, since no container engine runs here to start them: the image pom.xml builds, the properties the
 * environment sets, the ports the balancer and Prometheus use, the files mounted. HAProxy and Prometheus (promtool)
 * check their own configuration where they are installed.
 */
class ComposeFileTest {
    static final Path DOCKER = Path.of("docker");
    static final Path COMPOSE = DOCKER.resolve("compose.yaml");
    static final Path HAPROXY = DOCKER.resolve("haproxy/haproxy.cfg");
    static final Path PROMETHEUS = DOCKER.resolve("prometheus/prometheus.yml");
    static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/reglament.json");
    private static final Pattern SERVER = Pattern.compile("^\\s*server\\s+\\S+\\s+([^:\\s]+):(\\d+)", Pattern.MULTILINE);
    private static final Pattern CHECK_PORT = Pattern.compile("^\\s*default-server\\s.*\\bcheck port (\\d+)", Pattern.MULTILINE);
    private static final Pattern HEALTH_CHECK = Pattern.compile("^\\s*option httpchk GET (\\S+)", Pattern.MULTILINE);
    private static final Pattern BIND = Pattern.compile("^\\s*bind\\s+[^:\\s]*:(\\d+)", Pattern.MULTILINE);
    private static final Pattern CHECKS = Pattern.compile("^\\s*default-server\\s.*\\binter (\\S+) fall (\\d+)",
            Pattern.MULTILINE);

    private static Map<String, Object> compose;
    private static ApplicationSettings settings;
    private static ContainerImage image;
    /** The Reglament replicas: the services that run the image pom.xml builds. */
    private static Map<String, Map<String, Object>> replicas;

    @BeforeAll
    static void read() throws Exception {
        compose = yaml(COMPOSE);
        settings = ApplicationSettings.load();
        image = ContainerImage.fromPom();
        replicas = new LinkedHashMap<>();
        map(compose, "services").forEach((name, service) -> {
            if (image.name().equals(text(service, "image"))) {
                replicas.put(name, map(service));
            }
        });
    }

    @Test
    void threeReplicasOfTheImageThePomBuildsEachWithItsOwnNameAndVolume() {
        assertThat(replicas).hasSizeGreaterThanOrEqualTo(3);
        Set<String> names = new TreeSet<>();
        Set<String> volumes = new TreeSet<>();
        replicas.forEach((service, replica) -> {
            names.add(settings.value("reglament.instance-name", environment(replica)).orElseThrow());
            volumes.add(namedVolumeOf(replica, dataDirectory(replica)));
        });
        assertThat(names).as("reglament.instance-name of each replica").hasSize(replicas.size());
        assertThat(volumes).as("the data volume of each replica").hasSize(replicas.size());
    }

    @Test
    void everyEnvironmentVariableSetsAPropertyTheApplicationReads() {
        replicas.forEach((service, replica) -> {
            List<String> unread = environment(replica).keySet().stream()
                    .filter(v -> settings.propertyOf(v).isEmpty()).toList();
            assertEquals(List.of(), unread, service + ": environment variables that set nothing the application reads");
        });
    }

    @Test
    void replicasWriteOnlyTheirVolumeAndTmp() {
        replicas.forEach((service, replica) -> {
            assertEquals(true, at(replica, "read_only"), service);
            assertThat(list(replica, "tmpfs").stream().map(t -> String.valueOf(t).split(":")[0])).contains("/tmp");
            Map<String, String> environment = environment(replica);
            for (String property : List.of("reglament.data-directory", "reglament.audit.log.journal-directory")) {
                String path = settings.value(property, environment).orElseThrow();
                assertThat(Path.of(path).isAbsolute()).as(service + " " + property).isTrue();
                assertThat(map(compose, "volumes")).containsKey(namedVolumeOf(replica, path));
            }
        });
    }

    @Test
    void theSigningKeyIsASecretFileOutsideTheDataDirectoryAndTheRepository() throws IOException {
        Map<String, Object> secrets = map(compose, "secrets");
        replicas.forEach((service, replica) -> {
            Path key = Path.of(settings.value("reglament.audit.log.signing-key", environment(replica)).orElseThrow());
            assertEquals(Path.of("/run/secrets"), key.getParent(), service + ": a compose secret");
            assertThat(list(replica, "secrets")).contains(key.getFileName().toString());
            assertThat(secrets).containsKey(key.getFileName().toString());
            assertThat(key.startsWith(dataDirectory(replica))).isFalse();
        });
        for (Object secret : secrets.values()) {
            Path file = DOCKER.resolve(text(secret, "file")).normalize();
            assertEquals(DOCKER.resolve("secrets"), file.getParent(), "secrets are kept in docker/secrets");
            // Made where it is used, never committed: the directory ignores everything in it.
            assertThat(Files.readAllLines(file.getParent().resolve(".gitignore"))).contains("*");
        }
    }

    @Test
    void everyFileMountedIsInTheRepositoryAndEveryVolumeIsDeclared() {
        List<String> missing = new ArrayList<>();
        map(compose, "services").forEach((name, service) -> {
            if (!has(service, "volumes")) {
                return;
            }
            for (Object volume : list(service, "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    if (!Files.exists(DOCKER.resolve(source))) {
                        missing.add(name + ": " + source);
                    }
                } else if (!map(compose, "volumes").containsKey(source)) {
                    missing.add(name + ": volume " + source + " is not declared");
                }
            }
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void theBalancerSendsToEveryReplicaAndAsksItsReadinessOnTheManagementPort() throws IOException {
        String config = Files.readString(HAPROXY);
        Set<String> servers = new TreeSet<>();
        Matcher server = SERVER.matcher(config);
        while (server.find()) {
            servers.add(server.group(1));
            Map<String, String> environment = environment(replicas.get(server.group(1)));
            assertEquals(settings.value("server.port", environment).orElseThrow(), server.group(2));
        }
        assertEquals(replicas.keySet(), servers);
        Map<String, String> environment = environment(replicas.values().iterator().next());
        assertEquals(settings.value("management.server.port", environment).orElseThrow(), find(CHECK_PORT, config));
        assertEquals("/actuator/health/readiness", find(HEALTH_CHECK, config));
        String published = String.valueOf(list(compose, "services", "haproxy", "ports").get(0));
        assertEquals(published.substring(published.lastIndexOf(':') + 1), find(BIND, config));
    }

    @Test
    void aStoppingReplicaAnswersUntilTheBalancerHasLeftItAndFinishesWithinTheGracePeriod() throws IOException {
        Matcher checks = CHECKS.matcher(Files.readString(HAPROXY));
        assertTrue(checks.find(), "no default-server ... inter <time> fall <n> in " + HAPROXY);
        Duration noticed = DurationStyle.detectAndParse(checks.group(1)).multipliedBy(Long.parseLong(checks.group(2)));
        replicas.forEach((service, replica) -> {
            Map<String, String> environment = environment(replica);
            assertEquals("graceful", settings.value("server.shutdown", environment).orElseThrow());
            Duration drain = DurationStyle.detectAndParse(settings.value("reglament.shutdown.drain", environment)
                    .orElse("0s"));
            Duration shutdown = DurationStyle.detectAndParse(
                    settings.value("spring.lifecycle.timeout-per-shutdown-phase", environment).orElseThrow());
            Duration grace = DurationStyle.detectAndParse(text(replica, "stop_grace_period"));
            assertThat(drain).as(service + ": answering with readiness down, while HAProxy notices").isGreaterThan(noticed);
            assertThat(grace).as(service + ": stop_grace_period").isGreaterThan(drain.plus(shutdown));
        });
    }

    @Test
    void haproxyAcceptsItsConfiguration() throws Exception {
        ExternalProgram haproxy = ExternalProgram.required("haproxy");
        ExternalProgram.Run check = haproxy.run(Duration.ofSeconds(30), "-c", "-f", HAPROXY.toString());
        assertEquals(0, check.exitCode(), check.output() + check.errors());
        // The replicas' names resolve only inside compose's network; nothing else may be warned about.
        List<String> warnings = (check.output() + check.errors()).lines().filter(l -> l.contains("[WARNING]"))
                .filter(l -> !l.contains("could not resolve address")).toList();
        assertEquals(List.of(), warnings);
    }

    /** The README's three replicas on one machine: a configuration HAProxy takes, for the ports the recipe starts. */
    @Test
    void theReadmesLocalReplicasConfigurationIsOneHaproxyTakes() throws Exception {
        Path local = Path.of("scripts/replicas-local.cfg");
        ExternalProgram.Run check = ExternalProgram.required("haproxy").run(Duration.ofSeconds(30), "-c", "-f",
                local.toString());
        assertEquals(0, check.exitCode(), check.output() + check.errors());
        assertEquals(List.of(), (check.output() + check.errors()).lines().filter(l -> l.contains("[WARNING]")).toList());
        String config = Files.readString(local);
        String readme = Files.readString(Path.of("README.md"));
        for (int n = 1; n <= 3; n++) {
            assertTrue(config.contains("127.0.0.1:808" + n + " check port 909" + n), "replica " + n + " in " + local);
        }
        assertTrue(readme.contains("--server.port=808$n --management.server.port=909$n"), "the README's ports");
        assertTrue(readme.contains("haproxy -f " + local), "the README starts it");
    }

    @Test
    void prometheusScrapesEveryReplicaOnItsManagementPort() throws IOException {
        Map<String, Object> job = reglamentJob(yaml(PROMETHEUS));
        assertEquals("/actuator/prometheus", text(job, "metrics_path"));
        Set<String> targets = new TreeSet<>();
        for (Object group : list(job, "static_configs")) {
            list(group, "targets").forEach(t -> targets.add(String.valueOf(t)));
        }
        Set<String> expected = new TreeSet<>();
        replicas.forEach((service, replica) -> expected.add(service + ":"
                + settings.value("management.server.port", environment(replica)).orElseThrow()));
        assertEquals(expected, targets);
        assertThat(list(compose, "services", "prometheus", "volumes")).contains(
                "./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void promtoolAcceptsThePrometheusConfiguration() throws Exception {
        ExternalProgram promtool = ExternalProgram.required("promtool");
        ExternalProgram.Run check = promtool.run(Duration.ofSeconds(30), "check", "config", PROMETHEUS.toString());
        assertEquals(0, check.exitCode(), check.output() + check.errors());
    }

    @Test
    void grafanaGetsItsDataSourceAndTheDashboardFromTheRepository() throws IOException {
        Map<String, Object> grafana = map(compose, "services", "grafana");
        Map<String, String> mounts = new LinkedHashMap<>();
        for (Object volume : list(grafana, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            mounts.put(parts[0], parts[1]);
        }
        assertEquals("/etc/grafana/provisioning", mounts.get("./grafana/provisioning"));
        Map<String, Object> provider = map(list(yaml(DOCKER.resolve("grafana/provisioning/dashboards/reglament.yml")),
                "providers").get(0));
        assertEquals(mounts.get("./grafana/dashboards"), text(provider, "options", "path"));

        Map<String, Object> source = map(list(yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")),
                "datasources").get(0));
        assertEquals("prometheus", text(source, "type"));
        assertThat(map(compose, "services")).containsKey("prometheus");
        assertEquals("http://prometheus:9090", text(source, "url"), "Prometheus listens on 9090 unless told otherwise");
        assertThat(list(compose, "services", "prometheus", "command")).noneMatch(c -> String.valueOf(c)
                .startsWith("--web.listen-address"));

        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> sources = new TreeSet<>();
        dashboard.findValues("datasource").forEach(d -> sources.add(d.path("uid").asText()));
        assertEquals(Set.of(text(source, "uid")), sources, "every panel and query uses the provisioned data source");
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets").findValuesAsText("expr")).as(panel.path("title").asText())
                        .isNotEmpty().allMatch(e -> !e.isBlank());
            }
        }
    }

    /** The job of prometheus.yml that scrapes Reglament. */
    static Map<String, Object> reglamentJob(Map<String, Object> prometheus) {
        return list(prometheus, "scrape_configs").stream().map(Tree::map)
                .filter(j -> "reglament".equals(text(j, "job_name"))).findFirst()
                .orElseThrow(() -> new AssertionError("prometheus.yml has no job reglament"));
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(service, "environment").forEach((k, v) -> environment.put(k, v == null ? "" : String.valueOf(v)));
        return environment;
    }

    private static String dataDirectory(Map<String, Object> replica) {
        return settings.value("reglament.data-directory", environment(replica)).orElseThrow();
    }

    /** The named volume mounted where this path is (the longest mount target above it). */
    private static String namedVolumeOf(Map<String, Object> service, String path) {
        String volume = null;
        int longest = -1;
        for (Object mount : list(service, "volumes")) {
            String[] parts = String.valueOf(mount).split(":");
            if (Path.of(path).startsWith(Path.of(parts[1])) && parts[1].length() > longest) {
                volume = parts[0];
                longest = parts[1].length();
            }
        }
        if (volume == null) {
            throw new AssertionError(path + " is on no volume: the container's root file system is read-only");
        }
        return volume;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), "no " + pattern + " in " + HAPROXY);
        return matcher.group(1);
    }
}
