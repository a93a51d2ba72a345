package org.reglament.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The results of the last test run of this build: the Cucumber JSON reports of the feature suites
 * ({@code target/cucumber/<suite>.json}, packaged into the jar as {@code site/scenario-results/} after the tests,
 * or read from a folder). Each scenario's result is looked up by its feature file and line; a scenario no report
 * holds (no run, or a feature changed since) has none, and the site says «не запускался».
 */
public final class ScenarioResults {
    static final String PACKAGED = "site/scenario-results/";

    /** What one suite's run said of a scenario. */
    public record Run(String suite, String status) {
    }

    /** A scenario's result over every suite that ran it: passed, failed, skipped, or not run. */
    public record Result(String status, List<Run> runs) {
        public static final Result NOT_RUN = new Result("not-run", List.of());

        public String label() {
            return switch (status) {
                case "passed" -> "прошёл";
                case "failed" -> "не прошёл";
                case "not-run" -> "не запускался";
                default -> "пропущен";
            };
        }
    }

    /** By feature path (relative to features/, with ".feature"), line and name, and suite. */
    private final Map<String, Map<String, Map<String, String>>> statuses;

    private ScenarioResults(Map<String, Map<String, Map<String, String>>> statuses) {
        this.statuses = statuses;
    }

    public static ScenarioResults none() {
        return new ScenarioResults(Map.of());
    }

    /** The reports in {@code directory} if given, else those packaged on the class path. */
    public static ScenarioResults load(Path directory) {
        ObjectMapper json = new ObjectMapper();
        Map<String, Map<String, Map<String, String>>> statuses = new TreeMap<>();
        try {
            if (directory != null) {
                if (Files.isDirectory(directory)) {
                    try (Stream<Path> files = Files.list(directory)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                            read(json, suite(file.getFileName().toString()), Files.readAllBytes(file), statuses);
                        }
                    }
                }
            } else {
                for (Resource resource : new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:" + PACKAGED + "*.json")) {
                    try (InputStream in = resource.getInputStream()) {
                        read(json, suite(resource.getFilename()), in.readAllBytes(), statuses);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the scenario results: " + e.getMessage(), e);
        }
        return new ScenarioResults(statuses);
    }

    private static String suite(String fileName) {
        return fileName.substring(0, fileName.length() - ".json".length());
    }

    static void read(ObjectMapper json, String suite, byte[] report, Map<String, Map<String, Map<String, String>>> into)
            throws IOException {
        if (report.length == 0) {
            return; // a suite interrupted before its report was written
        }
        for (JsonNode feature : json.readTree(report)) {
            String uri = feature.path("uri").asText();
            int at = uri.lastIndexOf("features/");
            String path = at < 0 ? uri : uri.substring(at + "features/".length());
            String background = "passed";
            for (JsonNode element : feature.path("elements")) {
                String status = status(element);
                if ("background".equals(element.path("type").asText())) {
                    background = status;
                    continue;
                }
                String overall = "passed".equals(background) ? status : background;
                background = "passed";
                // Keyed by line and name: a scenario moved or renamed since the run is not credited with another's result.
                into.computeIfAbsent(path, p -> new TreeMap<>())
                        .computeIfAbsent(key(element.path("line").asLong(), element.path("name").asText()),
                                l -> new LinkedHashMap<>())
                        .merge(suite, overall, ScenarioResults::worse);
            }
        }
    }

    /** An element's status: the worst of its hooks' and steps'. */
    private static String status(JsonNode element) {
        String status = "passed";
        for (String part : List.of("before", "steps", "after")) {
            for (JsonNode step : element.path(part)) {
                status = worse(status, step.path("result").path("status").asText("undefined"));
            }
        }
        return status;
    }

    private static String worse(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(String status) {
        return switch (status) {
            case "passed" -> 0;
            case "skipped" -> 1;
            case "pending", "undefined", "ambiguous" -> 2;
            default -> 3; // failed, or anything a run did not finish
        };
    }

    private static String key(long line, String name) {
        return line + "\u0000" + name;
    }

    /**
     * The result of the scenario {@code name} reported at {@code lines} of {@code featureFile} (with ".feature"); an
     * outline's rows are reported under its name with their values: its {@code name} is null, and not compared.
     */
    public Result of(String featureFile, List<Long> lines, String name) {
        Map<String, Map<String, String>> byLine = statuses.getOrDefault(featureFile, Map.of());
        Map<String, String> bySuite = new TreeMap<>();
        for (Long line : lines) {
            Map<String, String> reported = name != null ? byLine.get(key(line, name))
                    : byLine.entrySet().stream().filter(e -> e.getKey().startsWith(line + "\u0000"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (reported == null) {
                return Result.NOT_RUN;
            }
            reported.forEach((suite, status) -> bySuite.merge(suite, status, ScenarioResults::worse));
        }
        if (bySuite.isEmpty()) {
            return Result.NOT_RUN;
        }
        List<Run> runs = new ArrayList<>();
        String overall = "passed";
        for (var e : bySuite.entrySet()) {
            runs.add(new Run(e.getKey(), e.getValue()));
            overall = worse(overall, e.getValue());
        }
        return new Result(overall.equals("pending") || overall.equals("undefined") || overall.equals("ambiguous")
                ? "skipped" : overall, List.copyOf(runs));
    }

    public boolean isEmpty() {
        return statuses.isEmpty();
    }
}
