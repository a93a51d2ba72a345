package org.reglament.knowledgebase;

import java.util.Optional;

/** Where the sources of knowledge-base versions are kept, content-addressed by version, with where each came from. */
public interface KnowledgeBaseSourceStore {

    /**
     * Where a version came from, which decides where it may run. Only the service's own versions are compiled and
     * evaluated in the service process; any other is a request's code and runs in a confined worker.
     */
    enum Origin {
        /** A version the service answered with: the rules it shipped or was started with (never a request's). */
        BUILT_IN,
        /** Proposed over HTTP by a KB_PROPOSER: compiled and evaluated only in a confined worker. */
        CANDIDATE,
        /** Kept before origins were recorded: a built-in of an earlier release or a candidate, treated as a candidate. */
        UNVERIFIED;

        public boolean runsInProcess() {
            return this == BUILT_IN;
        }
    }

    /** The sources of a version and where they came from. */
    record Kept(RuleSources sources, Origin origin) {
    }

    /**
     * Keeps the sources of a version, once; storing a version again changes nothing, except that a version the
     * service answers with is marked built-in (the same bytes, by content hash, whoever proposed them first).
     */
    void store(RuleSources sources, Origin origin);

    Optional<Kept> load(String version);
}
