package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The model precompiled at build time is the rules of rules/, compiled; other sources never load it. */
class PrecompiledRulesTest {

    @Test
    void thePrecompiledModelHasEveryRuleWithItsCitationAsCompiling() {
        RuleSources sources = RuleSources.fromDirectory(KnowledgeBaseFixture.RULES);
        KieBase precompiled = KieBaseBuilder.createKieBaseFromModel(PrecompiledRules.load(sources)
                .orElseThrow(() -> new AssertionError("the build (process-classes) writes rules.kjar for rules/")));
        KieBase compiled = KieServices.get().newKieContainer(
                KnowledgeBaseCompiler.executableModel(sources).getKieModule().getReleaseId()).getKieBase();
        assertThat(rules(precompiled)).isEqualTo(rules(compiled)).hasSizeGreaterThan(100);
    }

    @Test
    void otherSourcesAreCompiledNotLoaded() {
        Map<String, byte[]> files = new TreeMap<>(RuleSources.fromDirectory(KnowledgeBaseFixture.RULES).files());
        files.put("ru/kamchatka_guidelines/note.txt", new byte[] {1});
        assertThat(PrecompiledRules.load(new RuleSources(files))).isEmpty();
    }

    @Test
    void theDescriptionsReadAtBuildTimeAreEveryDrlFilesAsReadNow() {
        RuleSources sources = RuleSources.fromDirectory(KnowledgeBaseFixture.RULES);
        Map<String, DrlDescription> precompiled = PrecompiledRules.descriptions(sources);
        Map<String, byte[]> drlFiles = new TreeMap<>(sources.files());
        drlFiles.keySet().removeIf(path -> !path.endsWith(".drl"));
        assertThat(precompiled.keySet()).isEqualTo(drlFiles.keySet());
        drlFiles.forEach((path, content) -> {
            DrlDescription read = DrlDescription.read(path, new String(content, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(precompiled.get(path).packageName()).as(path).isEqualTo(read.packageName());
            assertThat(precompiled.get(path).rules()).as(path).isEqualTo(read.rules()).isNotEmpty();
        });
        Map<String, byte[]> changed = new TreeMap<>(sources.files());
        changed.put("ru/kamchatka_guidelines/note.txt", new byte[] {1});
        assertThat(PrecompiledRules.descriptions(new RuleSources(changed))).isEmpty();
    }

    private static Map<String, Map<String, Object>> rules(KieBase base) {
        Map<String, Map<String, Object>> rules = new TreeMap<>();
        for (KiePackage kiePackage : base.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                rules.put(kiePackage.getName() + "/" + rule.getName(), new TreeMap<>(rule.getMetaData()));
            }
        }
        return rules;
    }
}
