package org.reglament.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.Scenario;

/**
 * The feature files as a lawyer reads them: every scenario with its Gherkin text as written (the comments above it,
 * «# Толкование: …», included), the rules it asserts by name and the lines a test run reports it under. Parsed by
 * Cucumber's own Gherkin parser, so the site sees exactly the scenarios the suites run.
 */
public final class FeatureScenarios {
    /** How a step names the rule it asserts (as FeatureCoverageTest reads it): «по правилу «3.1.4.3 абз. 1»». */
    static final Pattern NAMED_RULE =
            Pattern.compile("(?:по правилу|проверкой|толкование правила|сработало правило|ереже) «([^»]+)»");

    /** One feature file. {@code path} is relative to features/, without ".feature" (its address on the site). */
    public record Feature(String path, String name, String description, String background, String folder,
                          List<ScenarioText> scenarios) {
    }

    /**
     * One scenario: {@code id} is its address within the feature (from its name), {@code gherkinRule} the
     * «Правило:» it is written under, {@code lines} the lines a run reports it by (its own; an outline's example rows).
     */
    public record ScenarioText(String featurePath, String id, String name, String gherkinRule, long line,
                               List<Long> lines, String text, Set<String> rulesAsserted, List<String> tags) {
        public String anchor() {
            return "s-" + id;
        }
    }

    private final List<Feature> features;

    private FeatureScenarios(List<Feature> features) {
        this.features = List.copyOf(features);
    }

    public List<Feature> features() {
        return features;
    }

    /** @param files feature files by path relative to features/ ("ru/kamchatka_guidelines/3.1.4-criteria.feature") */
    public static FeatureScenarios parse(Map<String, byte[]> files) {
        List<Feature> features = new ArrayList<>();
        new TreeSet<>(files.keySet()).stream().filter(path -> path.endsWith(".feature"))
                .forEach(path -> features.add(parse(path, new String(files.get(path), StandardCharsets.UTF_8))));
        return new FeatureScenarios(features);
    }

    static Feature parse(String path, String source) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(true)
                .includePickles(true).build();
        List<Envelope> envelopes = parser.parse(path, source.getBytes(StandardCharsets.UTF_8)).toList();
        envelopes.stream().flatMap(e -> e.getParseError().stream()).findFirst().ifPresent(error -> {
            throw new IllegalArgumentException("features/" + path + " does not parse: " + error.getMessage());
        });
        GherkinDocument document = envelopes.stream().flatMap(e -> e.getGherkinDocument().stream()).findFirst()
                .orElseThrow();
        var feature = document.getFeature().orElseThrow(() ->
                new IllegalArgumentException("features/" + path + " has no Функция"));
        String[] lines = source.split("\n", -1);
        // Where each scenario (or rule, background) starts: a scenario's text runs up to the next one's comments.
        List<Long> starts = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, String> ruleOf = new HashMap<>();
        String background = null;
        for (var child : feature.getChildren()) {
            if (child.getBackground().isPresent()) {
                var bg = child.getBackground().get();
                starts.add(bg.getLocation().getLine());
                background = block(lines, bg.getLocation().getLine(), nextStart(feature, bg.getLocation().getLine()));
            }
            child.getScenario().ifPresent(s -> {
                scenarios.add(s);
                starts.add(s.getLocation().getLine());
            });
            child.getRule().ifPresent(rule -> {
                starts.add(rule.getLocation().getLine());
                for (var ruleChild : rule.getChildren()) {
                    ruleChild.getScenario().ifPresent(s -> {
                        scenarios.add(s);
                        ruleOf.put(s.getId(), rule.getName());
                        starts.add(s.getLocation().getLine());
                    });
                    ruleChild.getBackground().ifPresent(bg -> starts.add(bg.getLocation().getLine()));
                }
            });
        }
        starts.sort(Long::compare);
        Map<String, Set<String>> asserted = new HashMap<>();
        for (Pickle pickle : envelopes.stream().flatMap(e -> e.getPickle().stream()).toList()) {
            Set<String> names = asserted.computeIfAbsent(pickle.getAstNodeIds().get(0), id -> new LinkedHashSet<>());
            pickle.getSteps().forEach(step -> names.addAll(namedRules(step.getText())));
        }
        String featurePath = path.substring(0, path.length() - ".feature".length());
        Set<String> ids = new LinkedHashSet<>();
        List<ScenarioText> texts = new ArrayList<>();
        for (Scenario s : scenarios) {
            long line = s.getLocation().getLine();
            long end = starts.stream().filter(start -> start > line).findFirst().orElse((long) lines.length + 1);
            List<Long> reported = new ArrayList<>();
            if (s.getExamples().isEmpty()) {
                reported.add(line);
            } else {
                s.getExamples().forEach(ex -> ex.getTableBody().forEach(row -> reported.add(row.getLocation().getLine())));
            }
            String text = comments(lines, line) + block(lines, line, end);
            Set<String> rules = new LinkedHashSet<>(asserted.getOrDefault(s.getId(), Set.of()));
            rules.addAll(namedRules(text));
            String id = unique(ids, Slugs.of(s.getName()));
            texts.add(new ScenarioText(featurePath, id, s.getName(), ruleOf.get(s.getId()), line, List.copyOf(reported),
                    text, Set.copyOf(rules), s.getTags().stream().map(t -> t.getName()).toList()));
        }
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        return new Feature(featurePath, feature.getName(), feature.getDescription().strip(), background, folder,
                List.copyOf(texts));
    }

    private static long nextStart(io.cucumber.messages.types.Feature feature, long after) {
        long next = Long.MAX_VALUE;
        for (var child : feature.getChildren()) {
            long line = child.getScenario().map(s -> s.getLocation().getLine())
                    .or(() -> child.getRule().map(r -> r.getLocation().getLine()))
                    .orElse(Long.MAX_VALUE);
            if (line > after && line < next) {
                next = line;
            }
        }
        return next;
    }

    /** Lines from {@code from} (1-based) up to {@code to} (exclusive), without the comments and blanks at the end. */
    private static String block(String[] lines, long from, long to) {
        int last = (int) Math.min(to - 1, lines.length);
        while (last > from && (lines[last - 1].isBlank() || lines[last - 1].strip().startsWith("#"))) {
            last--;
        }
        List<String> taken = new ArrayList<>();
        for (int i = (int) from; i <= last; i++) {
            taken.add(lines[i - 1]);
        }
        return dedent(taken);
    }

    /** The comment lines right above a scenario (an interpretation explained there belongs to it). */
    private static String comments(String[] lines, long line) {
        int first = (int) line;
        while (first > 1 && lines[first - 2].strip().startsWith("#") && !lines[first - 2].strip().startsWith("# language")) {
            first--;
        }
        List<String> taken = new ArrayList<>();
        for (int i = first; i < line; i++) {
            taken.add(lines[i - 1]);
        }
        return taken.isEmpty() ? "" : dedent(taken) + "\n";
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static Set<String> namedRules(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = NAMED_RULE.matcher(line);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String unique(Set<String> taken, String id) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** By feature path, for the pages. */
    public Map<String, Feature> byPath() {
        Map<String, Feature> byPath = new LinkedHashMap<>();
        features.forEach(f -> byPath.put(f.path(), f));
        return byPath;
    }
}
