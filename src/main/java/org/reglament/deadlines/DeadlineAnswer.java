package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.reglament.decision.Citation;

/**
 * A due date with everything behind it: the term and the rule that set it, the event counted from,
 * the period rules that said how to count, and every day counted or skipped.
 */
public record DeadlineAnswer(String step, String name, Event event, TermStated term, LocalDate due, String rule,
                             String clause, Citation citation, List<PeriodRuleApplied> periodRules,
                             List<TraceDay> trace) {

    /** The event the term counts from. */
    public record Event(String key, String name, LocalDate date) {
    }

    /** The term as the act states it. */
    public record TermStated(TermKind kind, Integer count, PeriodUnit unit, LocalDate fixedDate,
                             java.time.DayOfWeek weekday) {
        static TermStated of(Term term) {
            boolean counted = term.kind() != TermKind.FIXED_DATE && term.kind() != TermKind.ON_EVENT_DATE;
            return new TermStated(term.kind(), counted ? term.count() : null, term.periodUnit(), term.fixedDate(),
                    term.weekday());
        }
    }

    /** A period rule (Civil Code art. 190–194) this count applied. */
    public record PeriodRuleApplied(String rule, Citation citation) {
    }
}
