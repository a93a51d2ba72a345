package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
                .orElseThrow(() -> new AssertionError("the build (process-classes) writes rules.kjar for rules/"))
                .stream().map(PrecompiledRules.PackageModel::model).toList());
        KieBase compiled = KieServices.get().newKieContainer(
                KnowledgeBaseCompiler.executableModel(sources).getKieModule().getReleaseId()).getKieBase();
        assertThat(rules(precompiled)).isEqualTo(rules(compiled)).hasSizeGreaterThan(100);
    }

    @Test
    void aPackagesModelIsInstantiatedOnlyForADecisionOnItsRules() {
        RuleSources sources = RuleSources.fromDirectory(KnowledgeBaseFixture.RULES);
        List<PrecompiledRules.PackageModel> models = PrecompiledRules.load(sources).orElseThrow();
        KnowledgeBase knowledgeBase = KnowledgeBaseCompiler.knowledgeBase(new KnowledgeBaseCompiler().outline(sources),
                models);
        assertThat(models).noneMatch(PrecompiledRules.PackageModel::instantiated);

        knowledgeBase.engine("ru.kamchatka_guidelines", Set.of());

        Set<String> kamchatka = knowledgeBase.rules().stream()
                .filter(rule -> rule.actId().equals("ru.kamchatka_guidelines"))
                .map(RuleCitation::packageName).collect(Collectors.toSet());
        assertThat(models).isNotEmpty().allSatisfy(model -> assertThat(model.instantiated()).as(model.packageName())
                .isEqualTo(kamchatka.contains(model.packageName())));
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
