package org.reglament.knowledgebase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The knowledge bases the service can answer with: the live one, and any version that ever answered (its
 * sources kept by the {@link KnowledgeBaseSourceStore}), compiled on demand. A replay runs a decision
 * against another version with {@link #using}; everything else answers with the live one.
 */
@Component
public class KnowledgeBases {
    private final KnowledgeBase live;
    private final ObjectProvider<KnowledgeBaseSourceStore> store;
    private final Map<String, KnowledgeBase> compiled = new ConcurrentHashMap<>();
    private final ThreadLocal<KnowledgeBase> scoped = new ThreadLocal<>();

    public KnowledgeBases(KnowledgeBase live, ObjectProvider<KnowledgeBaseSourceStore> store) {
        this.live = live;
        this.store = store;
        compiled.put(live.version(), live);
    }

    /** The knowledge base the current decision answers with. */
    public KnowledgeBase get() {
        KnowledgeBase override = scoped.get();
        return override != null ? override : live;
    }

    public KnowledgeBase live() {
        return live;
    }

    /** A version that answered before, compiled from its kept sources; empty if it was never kept. */
    public Optional<KnowledgeBase> version(String version) {
        KnowledgeBase known = compiled.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        KnowledgeBaseSourceStore sources = store.getIfAvailable();
        if (sources == null) {
            return Optional.empty();
        }
        return sources.load(version).map(found -> compiled.computeIfAbsent(version,
                v -> new KnowledgeBaseCompiler().compile(found)));
    }

    /** Compiles and keeps a candidate knowledge base (a lawyer's amended rules), so that it can be replayed against. */
    public KnowledgeBase register(RuleSources sources) {
        KnowledgeBaseSourceStore kept = store.getIfAvailable();
        if (kept != null) {
            kept.store(sources);
        }
        return compiled.computeIfAbsent(sources.version(), v -> new KnowledgeBaseCompiler().compile(sources));
    }

    /** Runs {@code work} with {@code knowledgeBase} as the one decisions answer with, on this thread only. */
    public <T> T using(KnowledgeBase knowledgeBase, Supplier<T> work) {
        KnowledgeBase previous = scoped.get();
        scoped.set(knowledgeBase);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                scoped.remove();
            } else {
                scoped.set(previous);
            }
        }
    }
}
