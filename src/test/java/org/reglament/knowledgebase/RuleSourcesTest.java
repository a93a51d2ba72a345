package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RuleSourcesTest {

    @Test
    void thePackagedCopyHasTheVersionOfTheWorkingTree() {
        RuleSources tree = RuleSources.fromDirectory(KnowledgeBaseFixture.RULES);
        RuleSources packaged = RuleSources.fromClasspath("rules");
        assertThat(packaged.files().keySet()).isEqualTo(tree.files().keySet());
        assertThat(packaged.version()).isEqualTo(tree.version()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void anyChangedByteOrRenamedFileChangesTheVersion() {
        Map<String, byte[]> files = new TreeMap<>(Map.of("a/b.drl", bytes("rule"), "a/act.yaml", bytes("id: a")));
        String version = new RuleSources(files).version();
        assertThat(new RuleSources(files).version()).isEqualTo(version);

        files.put("a/b.drl", bytes("rulE"));
        assertThat(new RuleSources(files).version()).isNotEqualTo(version);

        Map<String, byte[]> renamed = new TreeMap<>(Map.of("a/c.drl", bytes("rule"), "a/act.yaml", bytes("id: a")));
        assertThat(new RuleSources(renamed).version()).isNotEqualTo(version);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
