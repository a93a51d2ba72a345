package org.reglament.decision;

/**
 * The request is valid, but the knowledge base cannot answer it (a date outside the covered calendars,
 * rules not encoded for a jurisdiction): a 422 naming the field, never a guess.
 */
public class UnanswerableException extends RuntimeException {
    private final String field;
    private final String rule;

    public UnanswerableException(String field, String reason) {
        this(field, reason, null);
    }

    /** A refusal a rule of the knowledge base made. */
    public UnanswerableException(String field, String reason, String rule) {
        super(reason);
        this.field = field;
        this.rule = rule;
    }

    public String rule() { return rule; }

    public String field() { return field; }
}
