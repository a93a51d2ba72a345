package org.reglament.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
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
                .as("the actuator disabled").isTrue();
    }

    @Test
    void theOrdinaryCodeTakesAnyManagementPort() {
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment(), false)).isFalse();
        assertThat(AheadOfTimeStartCheck.refuses(new MockEnvironment().withProperty("management.server.port", "-1"), false))
                .isFalse();
    }

    @Test
    void theReportSaysWhatToSet() {
        AheadOfTimeStartCheck.ManagementPortRequiredException refused = new AheadOfTimeStartCheck.ManagementPortRequiredException();
        FailureAnalysis analysis = new AheadOfTimeStartCheck.Analysis().analyze(refused);
        assertThat(analysis.getDescription()).contains("-Dspring.aot.enabled=true", "management.server.port");
        assertThat(analysis.getAction()).contains("MANAGEMENT_SERVER_PORT=9091", "start without -Dspring.aot.enabled=true");
    }
}
