package org.reglament.matrix;

/** Who proposes, who agrees and who approves the matrix of a service of one category (3.1.1–3.1.3). */
public final class ApprovalRoute {
    private final String proposedBy;
    private final String agreedWith;
    private final String approvedBy;
    private final String note;
    private final String rule;

    public ApprovalRoute(String proposedBy, String agreedWith, String approvedBy, String note, String rule) {
        this.proposedBy = proposedBy;
        this.agreedWith = agreedWith;
        this.approvedBy = approvedBy;
        this.note = note;
        this.rule = rule;
    }

    public String getProposedBy() { return proposedBy; }
    /** Null where the text names no agreeing body. */
    public String getAgreedWith() { return agreedWith; }
    public String getApprovedBy() { return approvedBy; }
    public String getNote() { return note; }
    public String getRule() { return rule; }
}
