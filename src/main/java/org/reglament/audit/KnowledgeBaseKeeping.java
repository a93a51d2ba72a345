package org.reglament.audit;

import org.reglament.knowledgebase.KnowledgeBaseSourceStore.Origin;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, keeps the sources of the live knowledge base as built-in (every version that answers can be replayed
 * later, in this process, after the rules changed and the service restarted).
 */
@Component
public class KnowledgeBaseKeeping {
    private final KnowledgeBases knowledgeBases;
    private final JdbcKnowledgeBaseStore store;

    public KnowledgeBaseKeeping(KnowledgeBases knowledgeBases, JdbcKnowledgeBaseStore store) {
        this.knowledgeBases = knowledgeBases;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void keep() {
        store.store(knowledgeBases.live().sources(), Origin.BUILT_IN);
    }
}
