package org.reglament.knowledgebase;

/**
 * A rule's condition or consequence threw while a knowledge base was evaluated: the rules are at fault, not the
 * request. Names the rule that was firing (null when a condition failed before any rule fired) and, as its reason,
 * the innermost cause's message, which says what went wrong ("Read-only file system", "Network is unreachable").
 */
public class RuleFailedException extends RuntimeException {
    private final String rule;

    public RuleFailedException(String rule, Throwable cause) {
        super((rule == null ? "a rule's condition" : "rule \"" + rule + "\"") + " failed: " + reason(cause), cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "it threw without a message" : message;
    }
}
