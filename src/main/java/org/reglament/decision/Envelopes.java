package org.reglament.decision;

import java.util.Comparator;
import java.util.List;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Edition;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.RuleCitation;
import org.springframework.stereotype.Component;

/**
 * Wraps what the rules derived into the envelope every decision answer carries, citing from the knowledge
 * base that evaluated it (the live one, or the version a replay runs).
 */
@Component
public class Envelopes {

    public <T> DecisionEnvelope<T> wrap(String decision, Evaluation evaluation, T result) {
        return wrap(decision, evaluation, result, Language.RU);
    }

    public <T> DecisionEnvelope<T> wrap(String decision, Evaluation evaluation, T result, Language language) {
        KnowledgeBase knowledgeBase = evaluation.knowledgeBase();
        Act act = evaluation.act();
        Edition edition = evaluation.edition();
        // Firing order depends on agenda internals; the answer is ordered by rule name so that it is stable.
        List<RuleCitation> fired = evaluation.firedRules().stream().distinct()
                .sorted(Comparator.comparing(RuleCitation::rule)).toList();
        List<RuleApplied> rules = fired.stream()
                .map(rule -> new RuleApplied(rule.rule(), Citation.of(knowledgeBase.act(rule.actId()), rule, language),
                        rule.interpretation())).toList();
        List<Interpretation> interpretations = fired.stream().filter(rule -> rule.interpretation() != null)
                .map(rule -> new Interpretation(rule.rule(), rule.actId(), rule.clause(), rule.interpretation())).toList();
        return new DecisionEnvelope<>(DecisionIds.next(), decision, evaluation.asOf(),
                new RegulationApplied(act.id(), act.title(), edition.edition(), edition.adopted(),
                        edition.inForceFrom(), edition.inForceUntil()),
                knowledgeBase.version(), result, rules, interpretations, null);
    }

    /** The citation of a rule of the evaluated acts (the decision's act first), for a part of the result it produced. */
    public Citation cite(Evaluation evaluation, String rule) {
        return cite(evaluation, rule, Language.RU);
    }

    public Citation cite(Evaluation evaluation, String rule, Language language) {
        KnowledgeBase knowledgeBase = evaluation.knowledgeBase();
        for (Act act : evaluation.acts()) {
            if (knowledgeBase.hasRule(act.id(), rule)) {
                return Citation.of(act, knowledgeBase.citation(act.id(), rule), language);
            }
        }
        throw new IllegalArgumentException("no rule \"" + rule + "\" among the acts of this evaluation");
    }
}
