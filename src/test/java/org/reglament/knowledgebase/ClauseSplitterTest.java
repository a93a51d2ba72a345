package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** How {@link ClauseSplitter} reads a published layout, each rule on a text of a few lines. */
class ClauseSplitterTest {
    private static final TextOutline.Level POINT = new TextOutline.Level("point", null, null, false);
    private static final TextOutline.Level ITEM = new TextOutline.Level("item", "{parent} п. {n}", null, false);

    private final ClauseSplitter splitter = new ClauseSplitter();

    @Test
    void dottedHeadingsNestByTheirNumberAndTheLinesAfterThemAreParagraphs() {
        Map<String, Clause> clauses = split("""
                1. Раздел
                Первый абзац.
                Второй абзац.
                1.1. Подраздел
                Единственный абзац.
                2. Другой раздел
                Текст.
                """, part(null, "body", "1. Раздел", new TextOutline.Level("dotted", null, null, false)));
        assertThat(clauses.keySet()).containsExactly("1", "1 абз. 1", "1 абз. 2", "1.1", "2");
        assertThat(clauses.get("1.1").parent()).isEqualTo("1");
        assertThat(clauses.get("1.1").heading()).isEqualTo("Подраздел");
        assertThat(clauses.get("1.1").text()).as("a single paragraph is its unit's text, not a clause of its own")
                .isEqualTo("1.1. Подраздел\nЕдинственный абзац.");
        assertThat(clauses.get("1").text()).endsWith("Единственный абзац.");
    }

    @Test
    void aLineBrokenInTheMiddleOfASentenceContinuesItsParagraph() {
        Map<String, Clause> clauses = split("""
                1. Срок, который

                продолжается здесь.
                Новый абзац.
                """, points());
        assertThat(clauses.get("1 абз. 1").text()).isEqualTo("1. Срок, который\n\nпродолжается здесь.");
        assertThat(clauses.get("1 абз. 2").text()).isEqualTo("Новый абзац.");
    }

    @Test
    void aPointOutOfSequenceIsTextNotAPoint() {
        Map<String, Clause> clauses = split("""
                1. Первый.
                3. Не по порядку.
                2. Второй.
                """, points());
        assertThat(clauses.keySet()).containsExactly("1", "1 абз. 1", "1 абз. 2", "2");
    }

    @Test
    void aParagraphAfterTheLastItemOfAnEnumerationReturnsToItsPoint() {
        Map<String, Clause> clauses = split("""
                1. Цели:
                1) первая;
                2) вторая.
                После перечня.
                """, points());
        assertThat(clauses.keySet()).containsExactly("1", "1 абз. 1", "1 п. 1", "1 п. 2", "1 абз. 2");
        assertThat(clauses.get("1 абз. 2").parent()).isEqualTo("1");
    }

    @Test
    void subPointsThatAreUnitsOfTheirOwnKeepTheParagraphsAfterThem() {
        Map<String, Clause> clauses = split("""
                1. Действия:
                1) определение документов.
                Пояснение к первому.
                2) определение систем.
                """, points());
        assertThat(clauses.get("1 п. 1 абз. 2").text()).isEqualTo("Пояснение к первому.");
        assertThat(clauses.get("1 п. 2").text()).isEqualTo("2) определение систем.");
    }

    @Test
    void aCyrillicBeIsReadAsSixOnlyWhereSixIsDue() {
        Map<String, Clause> clauses = split("""
                1. Разделы:
                1) один.
                2) два.
                3) три.
                4) четыре.
                5) пять.
                б) шесть.
                б) снова не по порядку.
                """, points());
        assertThat(clauses.get("1 п. 6").number()).isEqualTo("б)");
        assertThat(clauses.get("1 п. 6").text()).isEqualTo("б) шесть.\nб) снова не по порядку.");
        assertThat(clauses).doesNotContainKey("1 п. 7");
    }

    @Test
    void aNoteOfThePublisherIsANoteOfItsPointNotAParagraph() {
        Map<String, Clause> clauses = split("""
                1. Пункт.
                Сноска. Пункт 1 в редакции постановления.
                2. Второй.
                """, points());
        assertThat(clauses.keySet()).containsExactly("1", "1 сноска", "2");
        assertThat(clauses.get("1 сноска").kind()).isEqualTo("note");
    }

    @Test
    void severalListsInOneUnitBelongToTheParagraphsIntroducingThem() {
        Map<String, Clause> clauses = split("""
                1. Обеспечивается:
                1) первое;
                2) второе.
                Выполняются действия:
                1) одобрение;
                2) запуск.
                """, points());
        assertThat(clauses.keySet()).containsExactly("1", "1 абз. 1", "1 абз. 1 п. 1", "1 абз. 1 п. 2", "1 абз. 2",
                "1 абз. 2 п. 1", "1 абз. 2 п. 2");
        assertThat(clauses.get("1 абз. 2").text()).as("with its list").endsWith("2) запуск.");
    }

    @Test
    void aTableBelongsToTheParagraphBeforeItAndPartsFindTheirFirstLine() {
        Map<String, Clause> clauses = split("""
                Заголовок документа
                1. Форма:
                \tГрафа 1
                \tГрафа 2
                Приложение 1
                к Правилам
                1
                Первый параметр
                2
                Второй параметр
                """, new TextOutline(List.of(
                new TextOutline.Part("заголовок", "front", null, "Заголовок", null, null),
                new TextOutline.Part("Правила", "rules", null, "1. Форма", List.of(POINT), null),
                new TextOutline.Part("Приложение 1", "appendix", "Правила", "Приложение 1",
                        List.of(new TextOutline.Level("number-line", "Приложение 1 п. {n}", null, false)), null))));
        assertThat(clauses.keySet()).containsExactly("заголовок", "Правила", "1", "Приложение 1", "Приложение 1 п. 1",
                "Приложение 1 п. 2");
        assertThat(clauses.get("1").text()).isEqualTo("1. Форма:\n\tГрафа 1\n\tГрафа 2");
        assertThat(clauses.get("Приложение 1").parent()).isEqualTo("Правила");
        assertThat(clauses.get("Приложение 1 п. 2").text()).isEqualTo("2\nВторой параметр");
    }

    @Test
    void everyClauseIsASpanOfTheTextAsItIs() {
        String text = " \u00a01.\u00a0Пункт с неразрывными пробелами.\n2. Второй:\n- 1) первое;\n- 2) второе.\n";
        List<Clause> clauses = splitter.split(text, points());
        for (Clause clause : clauses) {
            assertThat(clause.text()).isEqualTo(text.substring(clause.from(), clause.to()));
        }
        assertThat(clauses).extracting(Clause::id).containsExactly("1", "2", "2 п. 1", "2 п. 2");
    }

    @Test
    void anOutlineThatDoesNotFitTheTextIsRefused() {
        assertThatThrownBy(() -> splitter.split("1. Текст.\n", part("Приложение", "appendix", "Приложение 1")))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("no line starts with «Приложение 1»");
        assertThatThrownBy(() -> splitter.split("Вступление.\n1. Текст.\n", part(null, "body", "1.", POINT)))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("lines before its first part");
        assertThatThrownBy(() -> splitter.split("1. Текст.\n", part("Правила", "rules", "1.",
                new TextOutline.Level("paragraphs", null, null, false))))
                .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("unknown numbering style");
    }

    private Map<String, Clause> split(String text, TextOutline outline) {
        return splitter.split(text, outline).stream()
                .collect(Collectors.toMap(Clause::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static TextOutline points() {
        return part(null, "body", "", POINT, ITEM);
    }

    private static TextOutline part(String id, String kind, String starts, TextOutline.Level... levels) {
        return new TextOutline(List.of(new TextOutline.Part(id, kind, null, starts, List.of(levels), null)));
    }
}
