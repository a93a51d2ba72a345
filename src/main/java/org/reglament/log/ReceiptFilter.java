package org.reglament.log;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What an auditor looks for: any field left null matches every receipt. */
public record ReceiptFilter(String decisionId, String registryId, String decision, LocalDate asOfFrom, LocalDate asOfTo,
                            Instant answeredFrom, Instant answeredTo) {

    String where(List<Object> arguments) {
        StringBuilder where = new StringBuilder();
        condition(where, arguments, "decision_id = ?", decisionId);
        condition(where, arguments, "registry_id = ?", registryId);
        condition(where, arguments, "decision = ?", decision);
        condition(where, arguments, "as_of >= ?", asOfFrom == null ? null : Date.valueOf(asOfFrom));
        condition(where, arguments, "as_of <= ?", asOfTo == null ? null : Date.valueOf(asOfTo));
        // Answer times are fixed-width ISO-8601 UTC text: they compare as they sort.
        condition(where, arguments, "answered_at >= ?", answeredFrom == null ? null : DecisionLog.INSTANT.format(answeredFrom));
        condition(where, arguments, "answered_at <= ?", answeredTo == null ? null : DecisionLog.INSTANT.format(answeredTo));
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> arguments, String condition, Object value) {
        if (value != null) {
            where.append(where.isEmpty() ? " where " : " and ").append(condition);
            arguments.add(value);
        }
    }
}
