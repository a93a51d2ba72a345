package org.reglament.decision;

/**
 * The request is valid, but the knowledge base cannot answer it (a date outside the covered calendars,
 * rules not encoded for a jurisdiction): a 422 naming the field, never a guess.
 */
public class UnanswerableException extends RuntimeException {
    private final String field;
    private final String rule;
    private final Interpretation interpretation;

    public UnanswerableException(String field, String reason) {
        this(field, reason, null, null);
    }

    /** A refusal a rule made on a reading of the text it names, so that a lawyer can dispute the refusal too. */
    public UnanswerableException(String field, String reason, String rule, Interpretation interpretation) {
        super(reason);
        this.field = field;
        this.rule = rule;
        this.interpretation = interpretation;
    }

    public String rule() { return rule; }

    public Interpretation interpretation() { return interpretation; }

    public String field() { return field; }
}
