package org.reglament.commission;

/** What the meeting decided: "no-quorum", "approved", "returned" or "no-decision" (no majority of all members), why, and by which rule. */
public record CommissionVerdict(String outcome, String why, String rule) {
}
