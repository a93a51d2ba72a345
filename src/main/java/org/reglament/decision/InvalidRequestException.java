package org.reglament.decision;

/** The request is well formed but cannot be decided as sent: a 400 naming the field and why. */
public class InvalidRequestException extends RuntimeException {
    private final String field;
    private final String reason;
    private final String rule;
    private final Interpretation interpretation;

    public InvalidRequestException(String field, String reason) {
        this(field, reason, null, null);
    }

    /**
     * A refusal a rule of the knowledge base made (it needs a fact the request did not give, or the request
     * contradicts itself), with the reading the rule took (Interpretation.ofRule), disputable as any answer.
     */
    public InvalidRequestException(String field, String reason, String rule, Interpretation interpretation) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
        this.rule = rule;
        this.interpretation = interpretation;
    }

    public String rule() { return rule; }

    public Interpretation interpretation() { return interpretation; }

    public String field() { return field; }
    public String reason() { return reason; }
}
