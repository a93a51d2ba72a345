package org.reglament.knowledgebase;

/** The knowledge base cannot be built: the service does not start with rules it cannot cite. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
