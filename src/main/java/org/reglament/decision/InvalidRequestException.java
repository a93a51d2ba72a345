package org.reglament.decision;

/** The request is well formed but cannot be decided as sent: a 400 naming the field and why. */
public class InvalidRequestException extends RuntimeException {
    private final String field;
    private final String reason;
    private final String rule;

    public InvalidRequestException(String field, String reason) {
        this(field, reason, null);
    }

    /** A refusal a rule of the knowledge base made (it needs a fact the request did not give). */
    public InvalidRequestException(String field, String reason, String rule) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
        this.rule = rule;
    }

    public String rule() { return rule; }

    public String field() { return field; }
    public String reason() { return reason; }
}
