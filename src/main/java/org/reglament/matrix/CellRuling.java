package org.reglament.matrix;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one criterion of section 3.1.4 says about one cell: the value, the values the agency may
 * propose, and the rule (named after its clause) that said it. Inserted by the rules, read by the
 * rules that depend on it (4, 6, 7 on 3; ОТР on 3) and by the check of a proposed matrix.
 */
public final class CellRuling {
    private final int action;
    private final CellValue value;
    private final Set<CellValue> allowed;
    private final Integer followsAction;
    private final String why;
    private final String rule;

    private CellRuling(int action, CellValue value, Set<CellValue> allowed, Integer followsAction, String why,
                       String rule) {
        this.action = action;
        this.value = value;
        this.allowed = Collections.unmodifiableSet(EnumSet.copyOf(allowed));
        this.followsAction = followsAction;
        this.why = why;
        this.rule = rule;
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
        return new CellRuling(action, basis.value, basis.allowed, basis.action, why, rule);
    }

    public int getAction() { return action; }
    public CellValue getValue() { return value; }
    public Set<CellValue> getAllowed() { return allowed; }
    /** The action whose value this cell must repeat, or null. */
    public Integer getFollowsAction() { return followsAction; }
    /** A short reason in domain terms: always for a value other than «1», and where a «1» is not self-evident. */
    public String getWhy() { return why; }
    public String getRule() { return rule; }
}
