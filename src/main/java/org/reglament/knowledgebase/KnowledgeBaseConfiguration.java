package org.reglament.knowledgebase;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge base the service answers with. By default the copy of {@code rules/} packaged in
 * the jar; {@code reglament.rules.directory} points at a folder instead (for a candidate knowledge base).
 */
@Configuration
public class KnowledgeBaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseConfiguration.class);

    @ConfigurationProperties("reglament.rules")
    public record RulesProperties(Path directory) {
    }

    /** The knowledge base {@link KnowledgeBasePreload} began loading at start, or (in a context without it) loaded now. */
    @Bean
    public KnowledgeBase knowledgeBase(RulesProperties properties, ObjectProvider<KnowledgeBasePreload.Loading> preload) {
        KnowledgeBasePreload.Loading started = preload.getIfAvailable();
        return started != null && started.isOf(properties.directory()) ? started.await() : compile(properties.directory());
    }

    /**
     * The knowledge base of a folder like {@code rules/}, or (null) the one packaged in the jar: what the service
     * answers with, and what the command line builds without starting it.
     */
    public static KnowledgeBase compile(Path directory) {
        long started = System.nanoTime();
        RuleSources sources = directory == null ? RuleSources.fromClasspath("rules") : RuleSources.fromDirectory(directory);
        KnowledgeBase knowledgeBase = new KnowledgeBaseCompiler().compile(sources);
        log.info("Knowledge base {} {} from {} files, {} rules, in {} ms", knowledgeBase.version(),
                PrecompiledRules.isFor(sources) ? "loaded precompiled" : "compiled", sources.files().size(),
                knowledgeBase.rules().size(), (System.nanoTime() - started) / 1_000_000);
        return knowledgeBase;
    }
}
