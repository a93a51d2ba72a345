package org.reglament.deployment;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as a deployment starts it (its own JVM, main configuration only, settings from environment variables)
 * with the structured-logging switch on: every line it writes on its standard output is a JSON object naming the
 * service and the replica, from the start to the end of a stop by SIGTERM, which is graceful.
 */
class StructuredLoggingTest {
    private static final String REPLICA = "json-log-test";
    private static final long START_SECONDS = 180;
    private static final long STOP_SECONDS = 60;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void withTheSwitchOnEveryLineIsJsonNamingTheReplicaAndSigtermStopsGracefully(@TempDir Path data) throws Exception {
        Path errors = data.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", mainClasspath(), "org.reglament.ReglamentApplication")
                .redirectError(errors.toFile());
        Map<String, String> environment = builder.environment();
        // Nothing of this machine's environment configures it; only what a deployment would set.
        environment.keySet().removeIf(
                v -> v.matches("(SPRING|SERVER|MANAGEMENT|LOGGING|REGLAMENT)_.*|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS"));
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        environment.put("REGLAMENT_INSTANCENAME", REPLICA);
        environment.put("REGLAMENT_DATADIRECTORY", data.resolve("data").toString());
        // A deployment mounts the log's signing key: outside the local profile none is made at start.
        org.reglament.log.LogKey.generate(data.resolve("log-key/signing-key.pem"));
        environment.put("REGLAMENT_AUDIT_LOG_SIGNINGKEY", data.resolve("log-key/signing-key.pem").toString());
        environment.put("SERVER_PORT", "0");
        environment.put("MANAGEMENT_SERVER_PORT", "0");
        // A deployment sets keys of its own: without any (and without an identity provider) the service does not start.
        environment.put("REGLAMENT_SECURITY_APIKEYS_0_NAME", "registry-tool");
        environment.put("REGLAMENT_SECURITY_APIKEYS_0_KEY", java.util.UUID.randomUUID().toString());
        environment.put("REGLAMENT_SECURITY_APIKEYS_0_ROLES", "DECIDER");

        Process service = builder.start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> read(service, lines), "structured-log-reader");
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (!contains(lines, "Started ReglamentApplication")) {
                assertTrue(service.isAlive(), () -> "the service stopped: " + lines + stderr(errors));
                assertTrue(System.nanoTime() < deadline, () -> "not started within " + START_SECONDS + " s: " + lines);
                Thread.sleep(200);
            }
            // SIGTERM, as a container engine or the kubelet stops it. Through the handle: Process.destroy() would also
            // close our end of its output, and the lines of the stop would be lost.
            service.toHandle().destroy();
            assertTrue(service.waitFor(STOP_SECONDS, TimeUnit.SECONDS), "not stopped within " + STOP_SECONDS + " s");
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            if (service.isAlive()) {
                service.destroyForcibly().waitFor();
            }
        }
        assertThat(service.exitValue()).as("exit code after SIGTERM" + stderr(errors)).isIn(0, 143);

        List<String> messages = new ArrayList<>();
        synchronized (lines) {
            assertThat(lines).hasSizeGreaterThan(5);
            for (String line : lines) {
                JsonNode entry = parse(line);
                assertEquals("reglament", field(entry, "service.name"), line);
                assertEquals(REPLICA, field(entry, "service.node.name"), line);
                assertThat(field(entry, "@timestamp")).as(line).isNotBlank();
                assertThat(field(entry, "log.level")).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                messages.add(field(entry, "message"));
            }
        }
        assertThat(messages).anyMatch(m -> m.startsWith("Started ReglamentApplication"))
                .anyMatch(m -> m.startsWith("Commencing graceful shutdown"))
                .anyMatch(m -> m.startsWith("Graceful shutdown complete"));
    }

    /** The test's classpath without the test classes, so that the main logging configuration applies. */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void read(Process service, List<String> lines) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.isBlank()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(List<String> lines, String text) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }
    }

    private JsonNode parse(String line) {
        try {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.isObject(), "not a JSON object: " + line);
            return entry;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    /** An ECS field, written either as a dotted key or as nested objects. */
    private static String field(JsonNode entry, String name) {
        if (entry.has(name)) {
            return entry.get(name).asText();
        }
        JsonNode node = entry;
        for (String part : name.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? null : node.asText();
    }

    private static String stderr(Path errors) {
        try {
            return Files.exists(errors) ? "\nstderr:\n" + Files.readString(errors) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
