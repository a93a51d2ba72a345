package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The clause register is what the lawyers' site shows as coverage: every clause of every text the knowledge base
 * carries is encoded (by the rules, parameters, document parts or plan items that cite it), informational, or not
 * encoded with its reason; and no entry of a register.yaml contradicts the rules.
 */
class ClauseRegisterTest {
    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void everyClauseOfEveryTextIsAccountedFor() {
        List<ClauseRegister.ActRegister> registers = ClauseRegister.of(knowledgeBase);
        assertThat(registers).extracting(ClauseRegister.ActRegister::actId).contains("ru.kamchatka_guidelines",
                "ru.smolensk_order_451", "kz.decree_845", "kz.order_133", "ru.civil_code", "kz.administrative_procedures");
        List<String> problems = new ArrayList<>();
        int clauses = 0;
        for (ClauseRegister.ActRegister register : registers) {
            register.problems().forEach(problem -> problems.add(register.actId() + ": " + problem));
            clauses += register.clauses().size();
        }
        assertThat(problems).as("clauses the register does not account for, or contradicts").isEmpty();
        int texts = knowledgeBase.texts().all().stream().mapToInt(text -> text.clauses().size()).sum();
        assertThat(clauses).as("every clause id of every text, once").isLessThanOrEqualTo(texts).isGreaterThan(500);
    }

    @Test
    void aClauseInNoneOfTheListsAndAnEntryContradictingTheRulesAreNamed() {
        Act act = knowledgeBase.act("ru.kamchatka_guidelines");
        Edition edition = act.edition("1.1");
        List<ActText> texts = knowledgeBase.texts().of(act.id(), edition.edition());
        Map<ClauseRegister.Status, Map<String, String>> listed = new LinkedHashMap<>();
        listed.put(ClauseRegister.Status.INFORMATIONAL, Map.of("1 абз. 1", "цель рекомендаций"));
        // 3.1.4.3 абз. 2 is encoded by its rule: a register saying otherwise contradicts it.
        listed.put(ClauseRegister.Status.NOT_ENCODED, Map.of("3.1.4.3 абз. 2", "будто бы не закодирован",
                "нет такого пункта", "опечатка"));
        ClauseRegister.ActRegister register = ClauseRegister.of(knowledgeBase, act, edition, texts, listed);
        assertThat(register.problems())
                .anyMatch(p -> p.startsWith("\"Таблица изменений\" is neither encoded nor listed"))
                .anyMatch(p -> p.contains("\"3.1.4.3 абз. 2\" is not-encoded, but it is encoded by")
                        && p.contains("rule «3.1.4.3 абз. 2»"))
                .anyMatch(p -> p.contains("\"нет такого пункта\", which is no clause"))
                .noneMatch(p -> p.contains("\"1 абз. 1\""));
        ClauseRegister.Entry note = register.clauses().stream().filter(e -> e.clause().equals("3.1.4.3 абз. 1"))
                .findFirst().orElseThrow();
        assertThat(note.status()).isEqualTo(ClauseRegister.Status.ENCODED);
        assertThat(note.encodedBy()).contains("rule «3.1.4.3 абз. 1»", "parameter requestFormationThreshold");
    }

    /** What the lawyers' site shows: how many clauses of each act are encoded, informational or not encoded. */
    @Test
    void theRegisterCountsTheClausesOfEachAct() {
        for (ClauseRegister.ActRegister register : ClauseRegister.of(knowledgeBase)) {
            Map<ClauseRegister.Status, Long> counts = new java.util.EnumMap<>(ClauseRegister.Status.class);
            register.clauses().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
            System.out.println("clause register " + register.actId() + " " + register.edition() + ": " + counts);
            assertThat(counts.getOrDefault(ClauseRegister.Status.ENCODED, 0L)).as(register.actId()).isPositive();
        }
    }
}
