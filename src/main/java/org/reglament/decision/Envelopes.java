package org.reglament.decision;

import java.util.ArrayList;
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
    private static final Comparator<PreparedCitations.Prepared> BY_NAME =
            Comparator.comparingInt(PreparedCitations.Prepared::byName);

    public <T> DecisionEnvelope<T> wrap(String decision, Evaluation evaluation, T result) {
        return wrap(decision, evaluation, result, Language.RU);
    }

    public <T> DecisionEnvelope<T> wrap(String decision, Evaluation evaluation, T result, Language language) {
        KnowledgeBase knowledgeBase = evaluation.knowledgeBase();
        PreparedCitations citations = PreparedCitations.of(knowledgeBase);
        Act act = evaluation.act();
        Edition edition = evaluation.edition();
        // Firing order depends on agenda internals; the answer is ordered by rule name so that it is stable (a stable
        // sort by each name's place among the version's names, prepared once: comparing the names was most of this).
        List<PreparedCitations.Prepared> fired = new ArrayList<>(evaluation.firedRules().size());
        for (RuleCitation firedRule : evaluation.firedRules()) {
            fired.add(citations.of(firedRule));
        }
        fired.sort(BY_NAME);
        List<RuleApplied> rules = new ArrayList<>(fired.size());
        List<Interpretation> interpretations = new ArrayList<>();
        for (int i = 0; i < fired.size(); i++) {
            if (firedBefore(fired, i)) {
                continue;
            }
            PreparedCitations.Prepared rule = fired.get(i);
            rules.add(rule.applied(language));
            if (rule.interpretation() != null) {
                interpretations.add(rule.interpretation());
            }
        }
        return new DecisionEnvelope<>(DecisionIds.next(), decision, evaluation.asOf(),
                new RegulationApplied(act.id(), act.title(), edition.edition(), edition.adopted(),
                        edition.inForceFrom(), edition.inForceUntil()),
                knowledgeBase.version(), result, List.copyOf(rules), List.copyOf(interpretations), null);
    }

    /**
     * Whether {@code fired[i]} fired before: a rule that fired more than once is applied once. The list is sorted by
     * rule name, so its earlier firings are among the entries just before it with the same name; rules of two acts may
     * share a name, and each rule of each act has one prepared citation, so those are told apart by it. Not a look
     * back through every earlier firing (a record's equals per firing: a sixth of the server's samples under load) nor
     * a set (a record's hash over every component per firing).
     */
    private static boolean firedBefore(List<PreparedCitations.Prepared> fired, int i) {
        PreparedCitations.Prepared rule = fired.get(i);
        for (int j = i - 1; j >= 0 && fired.get(j).byName() == rule.byName(); j--) {
            if (fired.get(j) == rule) {
                return true;
            }
        }
        return false;
    }

    /**
     * The legal force the rules stated for {@code step} (null: the whole answer): a step's own word first, then the
     * answer's, where a comparison for information only outweighs the general word; null where the rules say none.
     */
    public LegalForceStated legalForce(Evaluation evaluation, String step) {
        List<LegalForce> stated = evaluation.all(LegalForce.class);
        LegalForce chosen = stated.stream().filter(f -> step != null && step.equals(f.step())).findFirst()
                .orElseGet(() -> stated.stream().filter(f -> f.step() == null)
                        .min(Comparator.comparing(f -> f.force() == LegalForce.Force.INFORMATION ? 0 : 1)).orElse(null));
        return stated(evaluation, chosen);
    }

    /** The legal force the rules stated for {@code step} itself, without the answer's: null where they say none. */
    public LegalForceStated ownLegalForce(Evaluation evaluation, String step) {
        return stated(evaluation, evaluation.all(LegalForce.class).stream().filter(f -> step.equals(f.step()))
                .findFirst().orElse(null));
    }

    private LegalForceStated stated(Evaluation evaluation, LegalForce chosen) {
        if (chosen == null) {
            return null;
        }
        Citation citation = cite(evaluation, chosen.rule());
        return new LegalForceStated(chosen.force(), chosen.force().departure(), chosen.why(), chosen.rule(),
                citation.clause(), citation);
    }

    /** The citation of a rule of the evaluated acts (the decision's act first), for a part of the result it produced. */
    public Citation cite(Evaluation evaluation, String rule) {
        return cite(evaluation, rule, Language.RU);
    }

    public Citation cite(Evaluation evaluation, String rule, Language language) {
        PreparedCitations.Prepared prepared = PreparedCitations.of(evaluation.knowledgeBase()).find(evaluation.acts(), rule);
        if (prepared == null) {
            throw new IllegalArgumentException("no rule \"" + rule + "\" among the acts of this evaluation");
        }
        return prepared.citation(language);
    }
}
