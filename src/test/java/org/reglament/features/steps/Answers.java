package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading an answer strictly, so that a step cannot pass on a field the answer left out: Jackson reads a missing
 * boolean as {@code false} and a missing text as {@code ""}, and {@code ""} is a prefix of every rule.
 */
final class Answers {
    private Answers() {
    }

    /** The boolean {@code field} of {@code node}, which must be there and be a boolean. */
    static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        assertThat(value.isBoolean()).as("%s is a boolean in %s", field, node).isTrue();
        return value.booleanValue();
    }

    /** A rule is named by its clause: the clause itself, or the clause followed by a part of it («3.1.4.3 абз. 2»). */
    static void assertRuleOfClause(String rule, String clause) {
        assertThat(clause).as("the clause of rule %s", rule).isNotBlank();
        assertThat(rule.equals(clause) || rule.startsWith(clause + " "))
                .as("rule %s is of clause %s", rule, clause).isTrue();
    }
}
