package org.reglament.knowledgebase;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The knowledge base loaded on a thread of its own from the moment the service's configuration is known, while Spring
 * creates the rest of the application context on the main thread (issue 17, point 4: ready in 4 s). Loading it is
 * the largest single step of a start (0.3–0.7 s precompiled, several seconds compiled from a rules directory) and
 * depends on nothing but {@code reglament.rules.directory}; the context's first second, before any bean needs it, is
 * spent on one core. {@link KnowledgeBaseConfiguration} takes the result when it asks for the same directory, and a
 * failure surfaces there, as the same exception a load on the main thread would have thrown.
 * <p>
 * Both threads initialise classes at the same time. That is safe while no two classes' static initialisers need each
 * other: with such a cycle, one class begun on each thread, the JVM's class-initialisation locks would hold the start
 * for ever. Keep the static initialisers of the knowledge base's classes (and of what the context creates early)
 * free of cycles.
 */
public class KnowledgeBasePreload implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String BEAN_NAME = "reglament.knowledgeBasePreload";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (context.getParent() != null) {
            return; // the actuator's child context needs no knowledge base
        }
        Path rules = Binder.get(context.getEnvironment())
                .bind("reglament.rules", Bindable.of(KnowledgeBaseConfiguration.RulesProperties.class))
                .map(KnowledgeBaseConfiguration.RulesProperties::directory).orElse(null);
        context.getBeanFactory().registerSingleton(BEAN_NAME, Loading.begin(rules));
    }

    /** A load begun: of the knowledge base {@code directory} names (null: the one in the jar). */
    record Loading(Path directory, CompletableFuture<KnowledgeBase> result) {

        static Loading begin(Path directory) {
            CompletableFuture<KnowledgeBase> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    result.complete(KnowledgeBaseConfiguration.compile(directory));
                } catch (Throwable failure) {
                    result.completeExceptionally(failure);
                }
            }, "knowledge-base-preload");
            thread.setDaemon(true); // a start that fails elsewhere does not wait for it
            thread.start();
            return new Loading(directory, result);
        }

        boolean isOf(Path directory) {
            return Objects.equals(this.directory, directory);
        }

        /** The loaded knowledge base, waiting for it; a load that failed throws what the load threw. */
        KnowledgeBase await() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
