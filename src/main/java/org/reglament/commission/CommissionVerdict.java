package org.reglament.commission;

/** What the meeting decided: "no-quorum", "approved" or "returned", why, and by which rule. */
public record CommissionVerdict(String outcome, String why, String rule) {
}
