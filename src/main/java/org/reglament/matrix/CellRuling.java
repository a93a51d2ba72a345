package org.reglament.matrix;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one criterion of section 3.1.4 says about one cell: the value, the values the agency may
 * propose, and the rule (named after its clause) that said it. Inserted by the rules, read by the
 * rules that depend on it (4, 6, 7 on 3; ОТР on 3) and by the check of a proposed matrix.
 *
 * @param followsAction the action whose value this cell must repeat, or null
 * @param why           a short reason in domain terms: always for a value other than «1», and where a
 *                      «1» is not self-evident
 * @param decidedBy     who chooses among the allowed values where the criterion leaves a choice, or null
 */
public record CellRuling(int action, CellValue value, Set<CellValue> allowed, Integer followsAction, String why,
                         String rule, String decidedBy) {

    public CellRuling {
        allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    public CellRuling(int action, CellValue value, Set<CellValue> allowed, Integer followsAction, String why,
                      String rule) {
        this(action, value, allowed, followsAction, why, rule, null);
    }

    /** The same ruling, naming who chooses among its allowed values. */
    public CellRuling decidedBy(String body) {
        return new CellRuling(action, value, allowed, followsAction, why, rule, body);
    }

    /** The criterion fixes the value. */
    public static CellRuling fixed(int action, CellValue value, String why, String rule) {
        return new CellRuling(action, value, EnumSet.of(value), null, why, rule);
    }

    /** The criterion leaves the value to the agency among the allowed ones. */
    public static CellRuling choice(int action, String why, String rule, CellValue first, CellValue... others) {
        return new CellRuling(action, CellValue.DISCRETIONARY, EnumSet.of(first, others), null, why, rule);
    }

    /** The cell is indicated when the basis action is: it takes the basis's value and choices. */
    public static CellRuling following(int action, CellRuling basis, String why, String rule) {
        return new CellRuling(action, basis.value, basis.allowed, basis.action, why, rule, basis.decidedBy);
    }
}
