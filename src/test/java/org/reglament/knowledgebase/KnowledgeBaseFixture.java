package org.reglament.knowledgebase;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own knowledge base and the official texts it cites, for tests. */
public final class KnowledgeBaseFixture {
    public static final Path RULES = Path.of("rules");
    public static final Path FEATURES = Path.of("features");
    /** The official texts beside the repository (CI clones with ../shared next to it). */
    public static final Path REGULATIONS = Path.of(System.getProperty("reglament.regulations.dir", "../shared/regulations"));

    private static KnowledgeBase compiled;

    private KnowledgeBaseFixture() {
    }

    /** Compiled once per test JVM: compilation takes seconds, evaluation microseconds. */
    public static synchronized KnowledgeBase knowledgeBase() {
        if (compiled == null) {
            compiled = new KnowledgeBaseCompiler().compile(RuleSources.fromDirectory(RULES));
        }
        return compiled;
    }

    public static Path regulation(String file) {
        Path text = REGULATIONS.resolve(file);
        if (!Files.isRegularFile(text)) {
            throw new AssertionError("the official text " + text.toAbsolutePath()
                    + " is missing: tests need ../shared/regulations beside the repository"
                    + " (or -Dreglament.regulations.dir)");
        }
        return text;
    }
}
