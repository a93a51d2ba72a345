package org.reglament.commission;

import org.reglament.deadlines.DeadlineAnswer;
import org.reglament.decision.Citation;

/** The meeting's outcome with its rule, and the deadline of what follows from it (clauses 32, 33). */
public record CommissionDecision(String outcome, String why, String rule, String clause, Citation citation,
                                 DeadlineAnswer next) {
}
