package org.reglament.deadlines;

import org.reglament.decision.Interpretation;
import org.reglament.decision.UnanswerableException;
import org.reglament.knowledgebase.Evaluation;

/**
 * A rule's word that {@code step} has no term to count on this date: the text sets none (the ОТР's agreement,
 * decree 845's plan-schedule for 2014), or the rules that would count it are not in force. A deadline asked
 * for it is refused (422) naming {@code field}; a timeline shows the step without a due date, with the reason.
 */
public record NoTerm(String step, String field, String reason, String rule) {

    /** The 422 a deadline asked for this step gets, naming the rule and the reading it took. */
    public UnanswerableException refusal(Evaluation evaluation) {
        return new UnanswerableException(field, reason, rule, Interpretation.ofRule(evaluation, rule));
    }
}
