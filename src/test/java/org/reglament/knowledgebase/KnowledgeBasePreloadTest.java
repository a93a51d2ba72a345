package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The knowledge base begun at start on a thread of its own is the one the service then answers with: the same
 * version as a load on the main thread, for the directory configured, and a failure surfaces as that load's would.
 */
class KnowledgeBasePreloadTest {

    @Test
    void thePackagedKnowledgeBaseIsLoadedOnItsOwnThreadAndTakenByTheBean() {
        GenericApplicationContext context = context(new MockEnvironment());
        KnowledgeBasePreload.Loading preload = context.getBean(KnowledgeBasePreload.BEAN_NAME, KnowledgeBasePreload.Loading.class);
        assertThat(preload.isOf(null)).isTrue();
        assertThat(preload.isOf(Path.of("rules"))).isFalse();

        KnowledgeBase taken = new KnowledgeBaseConfiguration().knowledgeBase(
                new KnowledgeBaseConfiguration.RulesProperties(null), context.getBeanProvider(KnowledgeBasePreload.Loading.class));
        assertThat(taken).isSameAs(preload.await());
        assertThat(taken.version()).isEqualTo(KnowledgeBaseConfiguration.compile(null).version());
    }

    @Test
    void aRulesDirectoryIsPreloadedFromTheConfiguration() {
        Path rules = KnowledgeBaseFixture.RULES.toAbsolutePath();
        GenericApplicationContext context = context(new MockEnvironment()
                .withProperty("reglament.rules.directory", rules.toString()));
        KnowledgeBasePreload.Loading preload = context.getBean(KnowledgeBasePreload.BEAN_NAME, KnowledgeBasePreload.Loading.class);
        assertThat(preload.isOf(rules)).isTrue();
        assertThat(preload.await().version()).isEqualTo(KnowledgeBaseFixture.knowledgeBase().version());

        // Asked for another directory than the one preloaded (never so in the service): loaded afresh, not the preload.
        ObjectProvider<KnowledgeBasePreload.Loading> provider = context.getBeanProvider(KnowledgeBasePreload.Loading.class);
        KnowledgeBase packaged = new KnowledgeBaseConfiguration().knowledgeBase(
                new KnowledgeBaseConfiguration.RulesProperties(null), provider);
        assertThat(packaged).isNotSameAs(preload.await());
    }

    @Test
    void aFailedLoadThrowsWhatTheLoadThrew() {
        GenericApplicationContext context = context(new MockEnvironment()
                .withProperty("reglament.rules.directory", "/nonexistent/rules"));
        KnowledgeBasePreload.Loading preload = context.getBean(KnowledgeBasePreload.BEAN_NAME, KnowledgeBasePreload.Loading.class);
        assertThatThrownBy(preload::await).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the knowledge base at /nonexistent/rules");
    }

    @Test
    void theActuatorsChildContextGetsNone() {
        GenericApplicationContext parent = new GenericApplicationContext();
        GenericApplicationContext child = new GenericApplicationContext(parent);
        child.setEnvironment(new MockEnvironment());
        new KnowledgeBasePreload().initialize(child);
        assertThat(child.getBeanFactory().containsSingleton(KnowledgeBasePreload.BEAN_NAME)).isFalse();
    }

    private static GenericApplicationContext context(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        new KnowledgeBasePreload().initialize(context);
        context.refresh();
        return context;
    }
}
