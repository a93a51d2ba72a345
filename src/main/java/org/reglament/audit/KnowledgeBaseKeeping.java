package org.reglament.audit;

import java.nio.file.Path;

import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, keeps the sources of the live knowledge base (every version that answers can be replayed later,
 * after the rules changed and the service restarted) and registers a configured candidate.
 */
@Component
public class KnowledgeBaseKeeping {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseKeeping.class);

    private final KnowledgeBases knowledgeBases;
    private final JdbcKnowledgeBaseStore store;
    private final String candidateDirectory;

    public KnowledgeBaseKeeping(KnowledgeBases knowledgeBases, JdbcKnowledgeBaseStore store,
                                @Value("${reglament.audit.candidate-directory:}") String candidateDirectory) {
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.candidateDirectory = candidateDirectory;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void keep() {
        store.store(knowledgeBases.live().sources());
        if (!candidateDirectory.isBlank()) {
            String version = knowledgeBases.register(RuleSources.fromDirectory(Path.of(candidateDirectory))).version();
            log.info("Candidate knowledge base {} from {} registered for replay", version, candidateDirectory);
        }
    }
}
