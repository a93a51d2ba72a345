package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A knowledge base whose rules cannot be cited, or whose editions contradict each other, is refused. */
class KnowledgeBaseCompilerTest {
    private static final String ACT = """
            id: test.act
            jurisdiction: RU
            shortTitle: Тестовый акт
            title: Тестовый акт
            editions:
              - edition: "1"
                adopted: 2020-01-01
                inForceFrom: 2020-01-01
                inForceUntil: 2020-12-31
                encoded: true
                source: texts/1.ru.txt
              - edition: "2"
                adopted: 2021-01-01
                inForceFrom: %s
                encoded: true
                source: texts/1.ru.txt
            """;
    private static final String RULE = """
            package test.act;
            rule "1"
                %s
            when
                String()
            then
            end
            """;
    private static final String CITED = "@act(\"test.act\") @edition(\"1\") @clause(\"1\") @quote(\"Текст.\")";

    @Test
    void compilesACitedRuleAndReturnsItsCitation() {
        KnowledgeBase kb = compile(ACT.formatted("2021-01-01"), RULE.formatted(CITED), "test/act/rules.drl");
        RuleCitation citation = kb.citation("test.act", "1");
        assertThat(citation.clause()).isEqualTo("1");
        assertThat(citation.quote()).isEqualTo("Текст.");
        assertThat(kb.evaluate("test.act", java.time.LocalDate.of(2020, 6, 1), java.util.List.of("fact"))
                .firedRules()).extracting(RuleCitation::rule).containsExactly("1");
    }

    @Test
    void anEvaluationListsTheFactsInTheOrderTheyWereInserted() {
        String inserting = """
                package test.act;
                rule "1"
                    %s
                when
                    String()
                then
                    for (int i = 0; i < 64; i++) { insert(Integer.valueOf(i)); }
                end
                """;
        KnowledgeBase kb = compile(ACT.formatted("2021-01-01"), inserting.formatted(CITED), "test/act/rules.drl");
        for (int run = 0; run < 3; run++) {
            Evaluation evaluation = kb.evaluate("test.act", java.time.LocalDate.of(2020, 6, 1), java.util.List.of("fact"));
            assertThat(evaluation.all(Integer.class)).as("run %d", run)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 64).boxed().toList());
            assertThat(evaluation.facts()).startsWith("fact").hasSize(65);
        }
    }

    @Test
    void theEditionInForceDecidesWhichRulesFire() {
        KnowledgeBase kb = compile(ACT.formatted("2021-01-01"), RULE.formatted(CITED), "test/act/rules.drl");
        assertThat(kb.evaluate("test.act", java.time.LocalDate.of(2021, 1, 1), java.util.List.of("fact"))
                .firedRules()).as("edition 2 has no rules").isEmpty();
        assertThatThrownBy(() -> kb.evaluate("test.act", java.time.LocalDate.of(2019, 12, 31), java.util.List.of()))
                .isInstanceOf(NoEditionInForceException.class).hasMessageContaining("ещё не действовал");
    }

    @Test
    void refusesARuleWithoutAQuote() {
        assertThatThrownBy(() -> compile(ACT.formatted("2021-01-01"),
                RULE.formatted("@act(\"test.act\") @edition(\"1\") @clause(\"1\")"), "test/act/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("has no @quote");
    }

    @Test
    void refusesACitationOfAnUnknownAct() {
        assertThatThrownBy(() -> compile(ACT.formatted("2021-01-01"),
                RULE.formatted(CITED.replace("test.act", "other.act")), "test/act/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("other.act");
    }

    @Test
    void refusesAPackageThatDoesNotMatchItsFolder() {
        assertThatThrownBy(() -> compile(ACT.formatted("2021-01-01"), RULE.formatted(CITED), "test/other/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("must match its folder");
    }

    @Test
    void refusesOverlappingEditions() {
        assertThatThrownBy(() -> compile(ACT.formatted("2020-12-31"), RULE.formatted(CITED), "test/act/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("overlap or leave a gap");
    }

    @Test
    void refusesAGapBetweenEditions() {
        assertThatThrownBy(() -> compile(ACT.formatted("2021-01-02"), RULE.formatted(CITED), "test/act/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("overlap or leave a gap");
    }

    @Test
    void carriesTheTextsOfItsEditionsAndStillCompilesAVersionKeptWithoutThem() {
        KnowledgeBase kb = compile(ACT.formatted("2021-01-01"), RULE.formatted(CITED), "test/act/rules.drl");
        assertThat(kb.texts().text("test.act", "1", "ru")).map(ActText::content).contains("1. Текст.\n");

        // A version kept before the texts travelled with the knowledge base: its receipts must still replay.
        Map<String, byte[]> files = new TreeMap<>();
        files.put("test/act/act.yaml", ACT.formatted("2021-01-01").getBytes(StandardCharsets.UTF_8));
        files.put("test/act/rules.drl", RULE.formatted(CITED).getBytes(StandardCharsets.UTF_8));
        KnowledgeBase kept = new KnowledgeBaseCompiler().compile(new RuleSources(files));
        assertThat(kept.texts().of("test.act", "1")).isEmpty();
        assertThat(kept.citation("test.act", "1").quote()).isEqualTo("Текст.");
    }

    @Test
    void metadataIsReadAsWrittenNeverEvaluated(@TempDir Path temp) {
        Path evaluated = temp.resolve("evaluated");
        String expression = "java.nio.file.Files.createFile(java.nio.file.Path.of(\"" + evaluated + "\")).toString()";
        assertThatThrownBy(() -> compile(ACT.formatted("2021-01-01"),
                RULE.formatted(CITED.replace("@quote(\"Текст.\")", "@quote(" + expression + ")")), "test/act/rules.drl"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("@quote: metadata must be a plain string literal")
                .hasMessageContaining("never evaluated");
        assertThat(evaluated).as("the expression was not run").doesNotExist();
    }

    @Test
    void metadataThatIsNotOneStringLiteralIsRefused() {
        for (String value : new String[] {"\"Тек\" + \"ст.\"", "12", "Text", "key = \"x\"", "", "\"\"\"\nx\"\"\""}) {
            assertThatThrownBy(() -> compile(ACT.formatted("2021-01-01"),
                    RULE.formatted(CITED.replace("@quote(\"Текст.\")", "@quote(" + value + ")")), "test/act/rules.drl"))
                    .as("@quote(%s)", value).isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("@quote");
        }
    }

    @Test
    void aLiteralReadsAsTheEngineWouldHaveEvaluatedIt() {
        KnowledgeBase kb = compile(ACT.formatted("2021-01-01"),
                RULE.formatted(CITED.replace("\"Текст.\"", "\"«Текст» \\\"в кавычках\\\" \\u0410\"")), "test/act/rules.drl");
        assertThat(kb.citation("test.act", "1").quote()).isEqualTo("«Текст» \"в кавычках\" А");
        assertThat(engineMetadata(kb, "test.act", "1").get("quote")).isEqualTo(kb.citation("test.act", "1").quote());
    }

    @Test
    void theLiveKnowledgeBasesCitationsAreTheEnginesMetadata() {
        KnowledgeBase live = KnowledgeBaseFixture.knowledgeBase();
        assertThat(live.rules()).hasSize(live.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum());
        for (RuleCitation rule : live.rules()) {
            Map<String, Object> engine = engineMetadata(live, rule.packageName(), rule.rule());
            assertThat(rule).as("rule %s", rule.rule()).isEqualTo(new RuleCitation(rule.rule(), rule.packageName(),
                    text(engine, "act"), text(engine, "edition"), text(engine, "clause"), text(engine, "quote"),
                    text(engine, "quoteKk"), text(engine, "interpretation"), date(engine, "validFrom"),
                    date(engine, "validTo"), text(engine, "condition"), text(engine, "reading"),
                    text(engine, "alternative")));
        }
    }

    private static Map<String, Object> engineMetadata(KnowledgeBase kb, String packageName, String rule) {
        return kb.kieBase().getRule(packageName, rule).getMetaData();
    }

    private static String text(Map<String, Object> metadata, String key) {
        return metadata.get(key) == null ? null : metadata.get(key).toString();
    }

    private static java.time.LocalDate date(Map<String, Object> metadata, String key) {
        return metadata.get(key) == null ? null : java.time.LocalDate.parse(metadata.get(key).toString());
    }

    private static KnowledgeBase compile(String act, String drl, String drlPath) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("test/act/act.yaml", act.getBytes(StandardCharsets.UTF_8));
        files.put("test/act/texts/1.ru.txt", "1. Текст.\n".getBytes(StandardCharsets.UTF_8));
        files.put(drlPath, drl.getBytes(StandardCharsets.UTF_8));
        return new KnowledgeBaseCompiler().compile(new RuleSources(files));
    }
}
