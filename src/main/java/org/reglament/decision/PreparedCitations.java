package org.reglament.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.RuleCitation;

/**
 * Every citation an answer of one knowledge-base version can carry, built once for the version
 * ({@link KnowledgeBase#prepared}) instead of for every cell, step and fired rule of every answer: a rule's citation
 * depends only on the version (its act, edition, clause and quotes) and on which language the request wants first.
 * Building them per answer was about half of an action-matrix decision (docs/benchmarks.md, "Provenance for free").
 * The objects are the ones built per answer before (the citation of {@link Citation#of}, marked where its text is a
 * paraphrase), so an answer is the same, byte for byte.
 */
final class PreparedCitations {
    private final Map<String, Map<String, Prepared>> byActAndRule = new HashMap<>();

    /**
     * One rule's parts of an answer, in either language order, and {@code byName}: the place of its name among the
     * names of every rule of the version, in their natural order, so that an answer lists its rules in name order
     * without comparing their names (equal names, of rules of two acts, have the same place).
     */
    record Prepared(RuleCitation rule, Citation russianFirst, Citation kazakhFirst, RuleApplied appliedRussianFirst,
                    RuleApplied appliedKazakhFirst, Interpretation interpretation, int byName) {

        Citation citation(Language first) {
            return first == Language.KK ? kazakhFirst : russianFirst;
        }

        RuleApplied applied(Language first) {
            return first == Language.KK ? appliedKazakhFirst : appliedRussianFirst;
        }
    }

    private PreparedCitations(KnowledgeBase knowledgeBase) {
        Map<String, Integer> byName = new HashMap<>();
        knowledgeBase.rules().stream().map(RuleCitation::rule).distinct().sorted()
                .forEach(name -> byName.put(name, byName.size()));
        for (RuleCitation rule : knowledgeBase.rules()) {
            Act act = knowledgeBase.act(rule.actId());
            Citation russian = cited(knowledgeBase, act, rule, Language.RU);
            Citation kazakh = cited(knowledgeBase, act, rule, Language.KK);
            Interpretation interpretation = Interpretation.of(rule);
            byActAndRule.computeIfAbsent(rule.actId(), id -> new HashMap<>()).put(rule.rule(), new Prepared(rule,
                    russian, kazakh, new RuleApplied(rule.rule(), russian, rule.interpretation()),
                    new RuleApplied(rule.rule(), kazakh, rule.interpretation()), interpretation, byName.get(rule.rule())));
        }
    }

    /**
     * A rule's citation; where the text it quotes is not the official one (a summary standing in for it), the
     * citation says so, so that a paraphrase is never returned as if it were the law.
     */
    private static Citation cited(KnowledgeBase knowledgeBase, Act act, RuleCitation rule, Language language) {
        Citation citation = Citation.of(act, rule, language);
        return knowledgeBase.texts().text(act.id(), rule.edition(), "ru")
                .filter(text -> Boolean.FALSE.equals(text.description().official()))
                .map(text -> citation.fromParaphrase("пересказ, а не официальный текст: " + text.description().retrievedFrom()
                        .strip()))
                .orElse(citation);
    }

    static PreparedCitations of(KnowledgeBase knowledgeBase) {
        return knowledgeBase.prepared(PreparedCitations.class, PreparedCitations::new);
    }

    /** The rule named {@code rule} of the first of {@code acts} that has one, or null. */
    Prepared find(List<Act> acts, String rule) {
        for (Act act : acts) {
            Map<String, Prepared> rules = byActAndRule.get(act.id());
            Prepared prepared = rules == null ? null : rules.get(rule);
            if (prepared != null) {
                return prepared;
            }
        }
        return null;
    }

    Prepared of(RuleCitation rule) {
        Prepared prepared = byActAndRule.getOrDefault(rule.actId(), Map.of()).get(rule.rule());
        if (prepared == null || !prepared.rule().equals(rule)) {
            throw new IllegalArgumentException("rule \"" + rule.rule() + "\" of " + rule.actId()
                    + " is not one of this knowledge base's rules");
        }
        return prepared;
    }
}
