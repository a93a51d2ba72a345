package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every rule of the knowledge base is shown to a lawyer by at least one scenario that asserts it by
 * name ("по правилу «3.1.4.3 абз. 1»", "проверкой «…»"), and every feature mirrors a rules file.
 */
class FeatureCoverageTest {
    private static final Pattern NAMED_RULE = Pattern.compile("(?:по правилу|проверкой|толкование правила|сработало правило|ереже) «([^»]+)»");

    @Test
    void everyRuleHasAScenarioThatAssertsIt() throws IOException {
        Set<String> asserted = new HashSet<>();
        for (Path feature : features()) {
            for (String line : Files.readAllLines(feature)) {
                if (line.trim().startsWith("#")) {
                    continue;
                }
                Matcher m = NAMED_RULE.matcher(line);
                while (m.find()) {
                    asserted.add(m.group(1));
                }
            }
        }
        List<String> unshown = KnowledgeBaseFixture.knowledgeBase().rules().stream().map(RuleCitation::rule)
                .filter(rule -> !asserted.contains(rule)).sorted().toList();
        assertThat(unshown).as("rules no scenario asserts").isEmpty();
    }

    @Test
    void everyInterpretationIsMarkedInAFeature() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path feature : features()) {
            all.append(Files.readString(feature));
        }
        for (RuleCitation rule : KnowledgeBaseFixture.knowledgeBase().rules()) {
            if (rule.interpretation() != null) {
                assertThat(all.toString()).as("a scenario names the interpretation of \"%s\"", rule.rule())
                        .contains("толкование правила «" + rule.rule() + "»");
            }
        }
        assertThat(all.toString()).contains("# Толкование:");
    }

    @Test
    void featuresAreRussianAndMirrorTheRulesFolders() throws IOException {
        for (Path feature : features()) {
            assertThat(Files.readAllLines(feature).get(0)).as(feature.toString()).isEqualTo("# language: ru");
            Path folder = KnowledgeBaseFixture.FEATURES.relativize(feature).getParent();
            if (!folder.startsWith("audit")) { // the auditor's features describe the service, not an act
                assertThat(KnowledgeBaseFixture.RULES.resolve(folder)).as("rules folder for " + feature).isDirectory();
            }
        }
    }

    private static List<Path> features() throws IOException {
        try (Stream<Path> walk = Files.walk(KnowledgeBaseFixture.FEATURES)) {
            List<Path> features = walk.filter(p -> p.toString().endsWith(".feature")).sorted().toList();
            assertThat(features).isNotEmpty();
            return features;
        }
    }
}
