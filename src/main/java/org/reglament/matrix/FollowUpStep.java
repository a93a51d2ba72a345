package org.reglament.matrix;

/** One of the six steps that follow the matrix (section 3, items 1–6; sections 3.1–3.6). */
public final class FollowUpStep {
    private final int step;
    private final Applicability applicability;
    private final String why;
    private final String rule;

    public FollowUpStep(int step, Applicability applicability, String why, String rule) {
        this.step = step;
        this.applicability = applicability;
        this.why = why;
        this.rule = rule;
    }

    public int getStep() { return step; }
    public Applicability getApplicability() { return applicability; }
    public String getWhy() { return why; }
    public String getRule() { return rule; }
}
