package org.reglament.knowledgebase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The knowledge bases the service answers with in its own process: the live one, and any version it answered with
 * before (its sources kept by the {@link KnowledgeBaseSourceStore} as built-in), compiled on demand. A replay runs a
 * decision against another version with {@link #using}; everything else answers with the live one. Candidates
 * (versions a request proposed) are never compiled here: see {@code org.reglament.candidate}.
 */
@Component
public class KnowledgeBases {
    private final KnowledgeBase live;
    private final ObjectProvider<KnowledgeBaseSourceStore> store;
    private final Map<String, KnowledgeBase> compiled = new ConcurrentHashMap<>();
    /** Versions kept but not the service's own: an impact analysis asks once per receipt, the store is asked once. */
    private final java.util.Set<String> notBuiltIn = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<KnowledgeBase> scoped = new ThreadLocal<>();

    @Autowired
    public KnowledgeBases(KnowledgeBase live, ObjectProvider<KnowledgeBaseSourceStore> store) {
        this.live = live;
        this.store = store;
        compiled.put(live.version(), live);
    }

    /** The live knowledge base alone, no versions kept: the command line, which runs without the service. */
    public KnowledgeBases(KnowledgeBase live) {
        this(live, new StaticListableBeanFactory().getBeanProvider(KnowledgeBaseSourceStore.class));
    }

    /** The knowledge base the current decision answers with. */
    public KnowledgeBase get() {
        KnowledgeBase override = scoped.get();
        return override != null ? override : live;
    }

    public KnowledgeBase live() {
        return live;
    }

    /**
     * A version the service answered with before, compiled here from its kept sources; empty if it was never kept
     * or was not the service's own (a candidate is compiled and run only in a confined worker).
     */
    public Optional<KnowledgeBase> builtIn(String version) {
        KnowledgeBase known = compiled.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        KnowledgeBaseSourceStore sources = store.getIfAvailable();
        if (sources == null || notBuiltIn.contains(version)) {
            return Optional.empty();
        }
        Optional<KnowledgeBaseSourceStore.Kept> kept = sources.load(version);
        if (kept.isPresent() && !kept.get().origin().runsInProcess()) {
            notBuiltIn.add(version);
        }
        return kept.filter(k -> k.origin().runsInProcess())
                .map(k -> compiled.computeIfAbsent(version, v -> new KnowledgeBaseCompiler().compile(k.sources())));
    }

    /** "current" (the live one) or one of the service's own versions, as an auditor names it; never a candidate. */
    public Optional<KnowledgeBase> named(String version) {
        return "current".equals(version) ? Optional.of(live) : builtIn(version);
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
