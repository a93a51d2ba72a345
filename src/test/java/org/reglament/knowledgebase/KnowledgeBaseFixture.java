package org.reglament.knowledgebase;

import java.nio.file.Path;

/** The project's own knowledge base, for tests: everything a test needs is in the repository. */
public final class KnowledgeBaseFixture {
    public static final Path RULES = Path.of("rules");
    public static final Path FEATURES = Path.of("features");
    /**
     * The project's reference material beside the repository, when a checkout has it (../shared): only the tests
     * that compare the repository's copies with it use it, and they skip without it.
     */
    public static final Path SHARED = Path.of(System.getProperty("reglament.shared.dir", "../shared"));

    private static KnowledgeBase compiled;

    private KnowledgeBaseFixture() {
    }

    /** A knowledge base of its own, for a test that needs one no other test has evaluated on. */
    public static KnowledgeBase compile(RuleSources sources) {
        return new KnowledgeBaseCompiler().compile(sources);
    }

    /** Compiled once per test JVM: compilation takes seconds, evaluation microseconds. */
    public static synchronized KnowledgeBase knowledgeBase() {
        if (compiled == null) {
            compiled = new KnowledgeBaseCompiler().compile(RuleSources.fromDirectory(RULES));
        }
        return compiled;
    }
}
