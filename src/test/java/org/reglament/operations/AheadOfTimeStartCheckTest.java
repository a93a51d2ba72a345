package org.reglament.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * On Spring's ahead-of-time code the service starts only with the actuator on a port of its own, as that code was
 * generated; on the ordinary code any management port will do. (The packaged jar with the flag and without the port
 * was seen to stop with this message: docs/benchmarks.md, "Ready in 4 s".)
 */
class AheadOfTimeStartCheckTest {

    @Test
    void theAheadOfTimeCodeNeedsTheManagementPortOfItsOwn() {
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment(), true)).isTrue();
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment().withProperty("management.server.port", "9091"), true))
                .isFalse();
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment().withProperty("server.port", "9091")
                .withProperty("management.server.port", "9091"), true)).as("the service's own port").isTrue();
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment().withProperty("management.server.port", "-1"), true))
                .as("the actuator turned off: no child context to fail").isFalse();
    }

    @Test
    void theOrdinaryCodeTakesAnyManagementPort() {
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment(), false)).isFalse();
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment().withProperty("management.server.port", "-1"), false))
                .isFalse();
    }

    @Test
    void theCheckRunsBeforeTheContextIsRefreshedWhenTheJvmHasTheFlag() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(new MockEnvironment());
        AheadOfTimeStartCheck check = new AheadOfTimeStartCheck();
        check.initialize(context); // the ordinary code: nothing to say
        String before = System.getProperty("spring.aot.enabled");
        System.setProperty("spring.aot.enabled", "true"); // what -Dspring.aot.enabled=true sets (AotDetector reads it)
        try {
            assertThatThrownBy(() -> check.initialize(context))
                    .isInstanceOf(AheadOfTimeStartCheck.ManagementPortRequiredException.class);
            context.setEnvironment(new MockEnvironment().withProperty("management.server.port", "9091"));
            check.initialize(context);
        } finally {
            if (before == null) {
                System.clearProperty("spring.aot.enabled");
            } else {
                System.setProperty("spring.aot.enabled", before);
            }
        }
    }

    @Test
    void springBootFindsTheCheckAndItsReport() {
        SpringFactoriesLoader factories = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader());
        // Analyzers that need constructor arguments are not made here; ours needs none.
        SpringFactoriesLoader.FailureHandler skip = (type, name, failure) -> { };
        assertThat(factories.load(ApplicationContextInitializer.class, skip))
                .anyMatch(AheadOfTimeStartCheck.class::isInstance);
        assertThat(factories.load(FailureAnalyzer.class, skip)).anyMatch(AheadOfTimeStartCheck.Analysis.class::isInstance);
    }

    @Test
    void theReportSaysWhatToSet() {
        AheadOfTimeStartCheck.ManagementPortRequiredException refused = new AheadOfTimeStartCheck.ManagementPortRequiredException();
        FailureAnalysis analysis = new AheadOfTimeStartCheck.Analysis().analyze(refused);
        assertThat(analysis.getDescription()).contains("-Dspring.aot.enabled=true", "management.server.port");
        assertThat(analysis.getAction()).contains("MANAGEMENT_SERVER_PORT=9091", "start without -Dspring.aot.enabled=true");
    }
}
