package org.reglament.amendments;

/** Who approves a plan of amendments and how, for its author (2 para. 2, 3). */
public record PlanApproval(String approvedBy, String note, String rule) {
}
