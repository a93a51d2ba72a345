package org.reglament.knowledgebase;

import java.time.LocalDate;

/** No encoded edition of the act was in force on the date asked for: the decision is refused, not guessed. */
public class NoEditionInForceException extends RuntimeException {
    private final transient Act act;
    private final LocalDate asOf;

    public NoEditionInForceException(Act act, LocalDate asOf, String reason) {
        super(act.id() + " on " + asOf + ": " + reason);
        this.act = act;
        this.asOf = asOf;
    }

    public Act act() { return act; }
    public LocalDate asOf() { return asOf; }
    public String reason() { return getMessage().substring(getMessage().indexOf(": ") + 2); }
}
