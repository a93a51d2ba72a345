package org.reglament.deadlines;

import java.time.LocalDate;
import java.util.List;

import org.reglament.decision.Citation;
import org.reglament.decision.LegalForceStated;

/**
 * A due date with everything behind it: the term and the rule that set it, the event counted from,
 * the period rules that said how to count, and every day counted or skipped. {@code why} says what the due
 * date is where the rule's reading needs it said; {@code extension} is an extension the text permits but the
 * request did not state as made (3.5 para. 5); {@code legalForce} the force of the term where the rules state one
 * (a recommendation of the Kamchatka guidelines, or Decree No. 236's 31.12.2018 they restate).
 */
public record DeadlineAnswer(String step, String name, Event event, TermStated term, LocalDate due, String why,
                             String rule, String clause, Citation citation, List<PeriodRuleApplied> periodRules,
                             List<TraceDay> trace, Extension extension, LegalForceStated legalForce) {

    /**
     * The term may be extended up to {@code upTo} {@code unit}, which would give {@code latestDue}; {@code permitted}
     * is null where the fact it depends on is not known.
     */
    public record Extension(int upTo, PeriodUnit unit, LocalDate latestDue, Boolean permitted, String why, String rule,
                            String clause, Citation citation) {
    }

    public DeadlineAnswer withExtension(Extension permitted) {
        return new DeadlineAnswer(step, name, event, term, due, why, rule, clause, citation, periodRules, trace, permitted,
                legalForce);
    }

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
