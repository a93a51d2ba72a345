package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The official texts travel with the knowledge base, each described and split into clauses: the clause indexes
 * in rules/ are exactly what {@link ClauseSplitter} finds in the texts (regenerate them with
 * {@code ./mvnw test -Dtest=ActTextsTest -Dreglament.texts.write=true}), and the clauses a lawyer cites are
 * where the act puts them.
 */
class ActTextsTest {
    private static final boolean WRITE = Boolean.getBoolean("reglament.texts.write");

    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
    private final ActTexts texts = knowledgeBase.texts();

    @Test
    void everyEncodedEditionCarriesItsOfficialTextsDescribedAndSplit() throws IOException {
        for (Act act : knowledgeBase.acts()) {
            for (Edition edition : act.editions()) {
                if (!edition.encoded()) {
                    assertThat(texts.of(act.id(), edition.edition())).as("%s %s", act.id(), edition.edition()).isEmpty();
                    continue;
                }
                List<String> languages = texts.of(act.id(), edition.edition()).stream().map(ActText::language).toList();
                assertThat(languages).as("languages of %s %s", act.id(), edition.edition())
                        .isEqualTo(edition.sourceKk() == null ? List.of("ru") : List.of("ru", "kk"));
            }
        }
        assertThat(texts.all()).hasSize(7);
        for (ActText text : texts.all()) {
            TextDescription description = text.description();
            assertThat(description.official()).as("%s says whether it is the official text", text).isNotNull();
            assertThat(List.of(description.title(), description.publication(), description.retrievedFrom()))
                    .as("%s names the act, its publication and where the copy was taken from", text)
                    .allSatisfy(field -> assertThat(field).isNotBlank());
            assertThat(description.outline()).as("%s has an outline", text).isNotNull();
            assertThat(text.clauses()).as("%s is split into clauses", text).isNotEmpty();
        }
    }

    @Test
    void theClauseIndexesAreWhatTheSplitterFindsInTheTexts() throws IOException {
        ClauseSplitter splitter = new ClauseSplitter();
        for (ActText text : texts.all()) {
            String file = text.path().substring(text.path().lastIndexOf('/') + 1);
            String generated = ClauseIndex.of(file, splitter.split(text.content(), text.description().outline())).toJson();
            Path index = KnowledgeBaseFixture.RULES.resolve(text.path().replaceAll("\\.txt$", ActTexts.CLAUSES));
            if (WRITE) {
                Files.writeString(index, generated);
            }
            assertThat(Files.exists(index) ? Files.readString(index) : null)
                    .as("%s is what ClauseSplitter finds (regenerate: ./mvnw test -Dtest=ActTextsTest"
                            + " -Dreglament.texts.write=true)", index)
                    .isEqualTo(generated);
        }
    }

    @Test
    void everyLineOfATextIsInAClause() {
        for (ActText text : texts.all()) {
            StringBuilder rest = new StringBuilder(text.content());
            for (Clause top : text.children(null)) {
                for (int i = top.from(); i < top.to(); i++) {
                    rest.setCharAt(i, ' ');
                }
            }
            assertThat(rest.toString().lines().filter(line -> !line.isBlank() && !ClauseSplitter.isIgnored(line)))
                    .as("text of %s outside every clause (only a web page's menu marks may be)", text).isEmpty();
        }
    }

    @Test
    void kamchatkaClause3143AndItsParagraphs() {
        ActText text = texts.text("ru.kamchatka_guidelines", "1.1", "ru").orElseThrow();
        Clause clause = text.clause("3.1.4.3").orElseThrow();
        assertThat(clause.kind()).isEqualTo("section");
        assertThat(clause.number()).isEqualTo("3.1.4.3.");
        assertThat(clause.heading()).isEqualTo("формирование запроса");
        assertThat(clause.parent()).isEqualTo("3.1.4");
        assertThat(text.children("3.1.4.3")).extracting(Clause::id)
                .containsExactly("3.1.4.3 абз. 1", "3.1.4.3 абз. 2", "3.1.4.3 абз. 3");
        Clause second = text.clause("3.1.4.3 абз. 2").orElseThrow();
        assertThat(second.text()).startsWith("В случае, если число обращений за получением государственных")
                .endsWith("без очного предоставления оригиналов документов.");
        assertThat(text.clause("3.1.4.3 абз. 3").orElseThrow().text())
                .isEqualTo("Иные случаи могут быть рассмотрены на заседании Рабочей группы.");
        assertThat(text.children("3.1.4")).extracting(Clause::id).containsExactly("3.1.4.1", "3.1.4.2", "3.1.4.3",
                "3.1.4.4", "3.1.4.5", "3.1.4.6", "3.1.4.7", "3.1.4.8", "3.1.4.9");
        // Section 3 lists the nine actions and the six follow-up steps: each list belongs to the paragraph introducing it.
        assertThat(text.children("3 абз. 4")).hasSize(9);
        assertThat(text.clause("3 абз. 5 п. 6").orElseThrow().text())
                .isEqualTo("6) разработка и запуск электронной формы предоставления услуги на ЕПГУ и/или РПГУ.");
        // «3.1.3.2 Муниципальные услуги … услуг.В отношении»: the heading and the first paragraph share a line.
        assertThat(text.clause("3.1.3.2").orElseThrow().heading())
                .isEqualTo("Муниципальные услуги, включенные в перечень типовых муниципальных услуг.");
        assertThat(text.clause("3.1.3.2 абз. 1").orElseThrow().text()).startsWith("В отношении муниципальных услуг");
    }

    @Test
    void decree845PointsSubPointsNotesAndAppendices() {
        ActText text = texts.text("kz.decree_845", "1472", "ru").orElseThrow();
        assertThat(text.clause("28").orElseThrow().text()).startsWith("28. Решения экспертной комиссии принимаются")
                .endsWith("и носят рекомендательный характер.");
        assertThat(text.clause("28").orElseThrow().parent()).isEqualTo("раздел 2");
        assertThat(text.clause("11-1").orElseThrow().kind()).isEqualTo("point");
        // A paragraph after the last item of an enumeration ("1) …; 2) … .") is the point's again.
        assertThat(text.children("10")).extracting(Clause::id)
                .containsExactly("10 абз. 1", "10 п. 1", "10 п. 2", "10 абз. 2", "10 сноска");
        assertThat(text.clause("10 абз. 2").orElseThrow().text()).startsWith("Заинтересованные государственные органы");
        // Sub-points that are units of their own keep the paragraphs after them.
        assertThat(text.clause("12 п. 1 абз. 2").orElseThrow().text()).startsWith("В случае, если в государственных");
        // «б)» printed where 6) is due.
        Clause sixth = text.clause("Приложение 1 раздел 2 подраздел 6").orElseThrow();
        assertThat(sixth.number()).isEqualTo("б)");
        assertThat(sixth.text()).startsWith("б) ответственный государственный орган");
        assertThat(text.clause("Приложение 1 раздел 3 подраздел 1").orElseThrow().text()).startsWith("1) типы заявлений.");
        assertThat(text.children("Приложение 2")).extracting(Clause::id).contains("Приложение 2 раздел 6",
                "Приложение 2 абз. 1", "Приложение 2 п. 7");
        assertThat(text.clause("постановление п. 1").orElseThrow().text())
                .isEqualTo("1. Утвердить прилагаемые Правила оптимизации и автоматизации государственных услуг.");
    }

    @Test
    void order133NumbersTheSameClausesInRussianAndKazakh() {
        ActText ru = texts.text("kz.order_133", "2020", "ru").orElseThrow();
        ActText kk = texts.text("kz.order_133", "2020", "kk").orElseThrow();
        Set<String> numbered = Set.of("chapter", "point", "subpoint", "row", "appendix", "act", "paragraph");
        assertThat(ids(kk, numbered)).isEqualTo(ids(ru, numbered));
        assertThat(ru.clause("7").orElseThrow().text()).contains("не позднее 30 марта");
        assertThat(kk.clause("7").orElseThrow().text()).contains("30 наурыздан кешіктірмей");
        assertThat(ru.children("8")).hasSize(7 + 14);
        assertThat(kk.clause("Приложение 2 п. 14").orElseThrow().text()).contains("интеграцияланған ба?");
    }

    @Test
    void smolenskPlanItemsAreRowsNumberedAsTheyArePrinted() {
        ActText text = texts.text("ru.smolensk_order_451", "2016", "ru").orElseThrow();
        assertThat(text.clause("2.5").orElseThrow().text()).startsWith("2.5. | Обеспечение качественного")
                .contains("не выше 1 процента");
        assertThat(text.clause("1.2.2.1").orElseThrow().parent()).isEqualTo("1.2.2");
        // Sections 3–5 have no heading row in the text: their items lie in the plan itself.
        assertThat(text.clause("3.8").orElseThrow().parent()).isEqualTo("ПЛАН");
        Clause unnumbered = text.clause("4").orElseThrow();
        assertThat(unnumbered.number()).as("printed without a number").isNull();
        assertThat(unnumbered.text()).startsWith("| Вывод сервисов органов исполнительной власти");
        assertThat(text.clause("Примечание").orElseThrow().text()).contains("38,75");
    }

    @Test
    void aQuoteIsFoundInTheInnermostClauseHoldingIt() {
        ActText text = texts.text("ru.kamchatka_guidelines", "1.1", "ru").orElseThrow();
        assertThat(text.clausesQuoting("Иные случаи могут быть\n   рассмотрены на заседании Рабочей группы."))
                .extracting(Clause::id).containsExactly("3.1.4.3 абз. 3");
        assertThat(text.clausesQuoting("Действие указывается при наличии действия 3.1.4.3. «формирование запроса».")
                .stream().map(Clause::id).toList()).containsExactly("3.1.4.4", "3.1.4.6", "3.1.4.7");
        assertThat(text.clausesQuoting("слов, которых нет в тексте")).isEmpty();
    }

    @Test
    void aClauseIndexThatDoesNotFitItsTextIsRefused() {
        String text = "1. Первый.\n2. Второй.\n";
        assertThat(ActTexts.clauses("t.clauses.json", index(entry("1", null, 0, 10, "1. Первый"),
                entry("2", null, 11, 21, "2. Второй")), text)).extracting(Clause::text)
                .containsExactly("1. Первый.", "2. Второй.");
        assertThatThrownBy(() -> ActTexts.clauses("t.clauses.json", index(entry("1", null, 1, 10, "1. Первый")), text))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("does not start with «1. Первый»")
                .hasMessageContaining("regenerate");
        assertThatThrownBy(() -> ActTexts.clauses("t.clauses.json", index(entry("1", null, 0, 10, "1."),
                entry("1", null, 11, 21, "2.")), text)).hasMessageContaining("an id of its own");
        assertThatThrownBy(() -> ActTexts.clauses("t.clauses.json", index(entry("1", null, 0, 10, "1."),
                entry("2", "1", 11, 21, "2.")), text)).hasMessageContaining("not an earlier clause that holds it");
        assertThatThrownBy(() -> ActTexts.clauses("t.clauses.json", index(entry("1", null, 0, 99, "1.")), text))
                .hasMessageContaining("outside the text");
    }

    @Test
    void aCandidateWhoseTextChangedUnderItsClauseIndexDoesNotCompile() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("test/act/act.yaml", """
                id: test.act
                jurisdiction: RU
                shortTitle: Тест
                title: Тест
                editions:
                  - {edition: "1", adopted: 2020-01-01, inForceFrom: 2020-01-01, encoded: true, source: texts/1.ru.txt}
                """.getBytes(StandardCharsets.UTF_8));
        files.put("test/act/rules.drl", """
                package test.act;
                rule "1" @act("test.act") @edition("1") @clause("1") @quote("Первый.") when String() then end
                """.getBytes(StandardCharsets.UTF_8));
        files.put("test/act/texts/1.ru.txt", "1. Первый.\n".getBytes(StandardCharsets.UTF_8));
        files.put("test/act/texts/1.ru.clauses.json",
                index(entry("1", null, 0, 10, "1. Первый")).toJson().getBytes(StandardCharsets.UTF_8));
        KnowledgeBase compiled = new KnowledgeBaseCompiler().compile(new RuleSources(files));
        assertThat(compiled.texts().clause(compiled.citation("test.act", "1"))).map(Clause::text).contains("1. Первый.");

        files.put("test/act/texts/1.ru.txt", "1. Первый, исправленный.\n".getBytes(StandardCharsets.UTF_8));
        files.put("test/act/texts/1.ru.clauses.json",
                index(entry("1", null, 0, 24, "1. Первое")).toJson().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new KnowledgeBaseCompiler().compile(new RuleSources(files)))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("test/act/texts/1.ru.clauses.json");
    }

    private static Set<String> ids(ActText text, Set<String> kinds) {
        return text.clauses().stream().filter(c -> kinds.contains(c.kind())).map(Clause::id)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static ClauseIndex index(ClauseIndex.Entry... entries) {
        return new ClauseIndex("t.txt", "test", List.of(entries));
    }

    private static ClauseIndex.Entry entry(String id, String parent, int from, int to, String starts) {
        return new ClauseIndex.Entry(id, "point", parent, null, null, from, to, starts);
    }
}
