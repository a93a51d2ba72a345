package org.reglament.matrix;

/** 3.1.4.3 para. 2: the draft matrix must be accompanied by an explanatory note citing federal law. */
public final class ExplanatoryNoteRequirement {
    private final String why;
    private final String rule;

    public ExplanatoryNoteRequirement(String why, String rule) {
        this.why = why;
        this.rule = rule;
    }

    public String getWhy() { return why; }
    public String getRule() { return rule; }
}
