package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.List;

/** What one run of the rules produced: the facts they derived and the rules that fired, in firing order. */
public record Evaluation(Act act, Edition edition, LocalDate asOf, List<Object> facts, List<RuleCitation> firedRules) {

    public <T> List<T> all(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
