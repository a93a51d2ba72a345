package org.reglament.knowledgebase;

import java.util.Optional;

/** Where the sources of knowledge-base versions that once answered are kept, content-addressed by version. */
public interface KnowledgeBaseSourceStore {

    /** Keeps the sources of a version, once; storing a version again changes nothing. */
    void store(RuleSources sources);

    Optional<RuleSources> load(String version);
}
