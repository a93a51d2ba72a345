package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run of the rules produced: the facts they derived and the rules that fired, in firing order.
 * {@code act} is the act the decision is about; {@code acts} every act whose rules took part (the act
 * and, for example, the period rules of its jurisdiction).
 */
public record Evaluation(Act act, Edition edition, LocalDate asOf, List<Object> facts, List<RuleCitation> firedRules,
                         List<Act> acts, KnowledgeBase knowledgeBase) {

    public <T> List<T> all(Class<T> type) {
        List<T> all = new ArrayList<>();
        for (Object fact : facts) {
            if (type.isInstance(fact)) {
                all.add(type.cast(fact));
            }
        }
        return Collections.unmodifiableList(all);
    }
}
