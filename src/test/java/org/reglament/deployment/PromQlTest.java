package org.reglament.deployment;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metric names read out of the dashboard's expressions, on the shapes the dashboard uses. */
class PromQlTest {

    @Test
    void namesTheMetricsAndNothingElse() {
        assertEquals(Set.of("reglament_decision_seconds_bucket"), PromQl.metricNames("histogram_quantile(0.99, sum by "
                + "(le, decision) (rate(reglament_decision_seconds_bucket{replica=~\"$replica\"}[$__rate_interval])))"));
        assertEquals(Set.of("http_server_requests_seconds_count"), PromQl.metricNames("sum by (status, uri) "
                + "(rate(http_server_requests_seconds_count{replica=~\"$replica\", status=~\"4..|5..\"}[5m] offset 1m))"));
        assertEquals(Set.of("reglament_decision_log_batch_sum", "reglament_decision_log_batch_count"),
                PromQl.metricNames("sum by (replica) (rate(reglament_decision_log_batch_sum[1m])) / "
                        + "on (replica) sum by (replica) (rate(reglament_decision_log_batch_count[1m]))"));
        assertEquals(Set.of("reglament_decisions_total"),
                PromQl.metricNames("label_values(reglament_decisions_total, replica)"));
        assertEquals(Set.of("up", "jvm_memory_used_bytes"),
                PromQl.metricNames("sum(up{job=\"reglament\"}) and jvm_memory_used_bytes{area=\"heap\"} > 1e3"));
    }
}
