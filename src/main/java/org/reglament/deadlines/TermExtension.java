package org.reglament.deadlines;

/**
 * A rule's word that the term of {@code step} may be extended up to {@code upTo} {@code unit} (3.5 para. 5): a
 * permission, not the term. {@code permitted} is null where the fact it depends on is not known.
 */
public record TermExtension(String step, int upTo, PeriodUnit unit, Boolean permitted, String why, String rule) {
}
