package org.reglament.decision;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.RuleCitation;

/** Where an answer comes from, as a lawyer cites it: act, edition, clause and a short quote. */
public record Citation(String act, String actId, String edition, String clause, String quote) {

    public static Citation of(Act act, RuleCitation rule) {
        return new Citation(act.shortTitle(), act.id(), act.edition(rule.edition()).label(), rule.clause(), rule.quote());
    }
}
