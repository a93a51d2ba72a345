package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a rule says about itself in its metadata: the act, edition and clause it encodes, a short
 * quote of that clause, and, where the text leaves a choice open, the interpretation taken.
 * {@code condition} holds the words of the text that state the condition the rule's {@code when} tests (several
 * fragments separated by " … "): the quote must contain them, so a citation never stops before its condition.
 * Where a contested reading can be chosen by the request, {@code reading} names the request parameter and the value
 * that selects this rule ({@code "majority=votes-cast"}) and {@code alternative} the other reading the same way,
 * with what it says ({@code "majority=all-members: …"}).
 * Optional {@code validFrom}/{@code validTo} narrow a rule to part of its edition's interval
 * (a clause restated by a later amendment).
 */
public record RuleCitation(String rule, String packageName, String actId, String edition, String clause, String quote,
                           String quoteKk, String interpretation, LocalDate validFrom, LocalDate validTo,
                           String condition, String reading, String alternative) {

    static final String ACT = "act";
    static final String EDITION = "edition";
    static final String CLAUSE = "clause";
    static final String QUOTE = "quote";
    static final String QUOTE_KK = "quoteKk";
    static final String INTERPRETATION = "interpretation";
    static final String VALID_FROM = "validFrom";
    static final String VALID_TO = "validTo";
    static final String CONDITION = "condition";
    static final String READING = "reading";
    static final String ALTERNATIVE = "alternative";

    static RuleCitation fromMetadata(String packageName, String rule, Map<String, String> metadata) {
        for (String key : new String[] {ACT, EDITION, CLAUSE, QUOTE}) {
            String value = metadata.get(key);
            if (value == null || value.isBlank()) {
                throw new KnowledgeBaseException("rule \"" + rule + "\" in " + packageName + " has no @" + key
                        + ": every rule carries its citation (act, edition, clause, quote)");
            }
        }
        return new RuleCitation(rule, packageName, text(metadata, ACT), text(metadata, EDITION), text(metadata, CLAUSE),
                text(metadata, QUOTE), text(metadata, QUOTE_KK), text(metadata, INTERPRETATION), date(metadata, VALID_FROM),
                date(metadata, VALID_TO), text(metadata, CONDITION), text(metadata, READING),
                text(metadata, ALTERNATIVE));
    }

    public boolean appliesOn(LocalDate asOf) {
        return (validFrom == null || !asOf.isBefore(validFrom)) && (validTo == null || !asOf.isAfter(validTo));
    }

    private static String text(Map<String, String> metadata, String key) {
        return metadata.get(key);
    }

    private static LocalDate date(Map<String, String> metadata, String key) {
        String value = text(metadata, key);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new KnowledgeBaseException("@" + key + "(\"" + value + "\") is not a date (YYYY-MM-DD)");
        }
    }
}
