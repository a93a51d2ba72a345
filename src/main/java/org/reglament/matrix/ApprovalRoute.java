package org.reglament.matrix;

/**
 * Who proposes, who agrees and who approves the matrix of a service of one category (3.1.1–3.1.3).
 * {@code proposedBy} and {@code agreedWith} are null where the text names no such body.
 */
public record ApprovalRoute(String proposedBy, String agreedWith, String approvedBy, String note, String rule) {
}
