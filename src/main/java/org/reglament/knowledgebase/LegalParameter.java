package org.reglament.knowledgebase;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

    // Bean-style accessors: the rule language reads properties through getters.
    @JsonIgnore public String getName() { return name; }
    @JsonIgnore public BigDecimal getValue() { return value; }
    @JsonIgnore public int getIntValue() { return value.intValueExact(); }
}
