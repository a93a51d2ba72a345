package org.reglament.commission;

import org.reglament.deadlines.DeadlineAnswer;
import org.reglament.decision.Citation;

/**
 * The meeting's outcome with its rule, the deadline of what follows from it (clauses 32, 33), and where the meeting
 * departs from clauses 28 and 31 otherwise (an unsigned protocol, the responsible body absent).
 */
public record CommissionDecision(String outcome, String why, String rule, String clause, Citation citation,
                                 DeadlineAnswer next, java.util.List<Finding> findings) {

    public record Finding(String why, String rule, String clause, Citation citation) {
    }
}
