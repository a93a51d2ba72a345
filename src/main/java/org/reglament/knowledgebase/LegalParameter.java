package org.reglament.knowledgebase;

import java.math.BigDecimal;

import java.time.LocalDate;

/**
 * A threshold or term an act sets, as cited data: the rules read it as a fact by name, so the
 * number lives in one place with its source and the dates it is valid for.
 */
public record LegalParameter(String name, BigDecimal value, String unit, String meaning, String clause, String quote,
                             LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** The value of a count threshold; fails for a fractional value rather than truncating it. */
    public int intValue() {
        return value.intValueExact();
    }
}
