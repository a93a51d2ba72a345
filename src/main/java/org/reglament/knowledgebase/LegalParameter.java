package org.reglament.knowledgebase;

import java.math.BigDecimal;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A threshold or term an act sets, as cited data: the rules read it as a fact by name, so the
 * number lives in one place with its source and the dates it is valid for. {@code measuredIn} is the
 * {@code unit} of the data file (the rule language reserves that word); for a term it is a period unit code.
 */
public record LegalParameter(String name, BigDecimal value, LocalDate date, String monthDay,
                             @JsonProperty("unit") String measuredIn,
                             String meaning, String clause,
                             String quote, String quoteKk, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** The value of a count threshold or term; fails for a fractional value rather than truncating it. */
    public int intValue() {
        return value.intValueExact();
    }
}
