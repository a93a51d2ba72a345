package org.reglament.amendments;

/**
 * A plan of amendments to administrative regulations as a whole (Kamchatka guidelines, section 2): who drew it up,
 * whether it was approved by order, and at which level an ОМСУ's plan is consolidated. Null: not stated.
 */
public record AmendmentPlan(PlanAuthor author, Boolean approvedByOrder, PlanLevel level) {
}
