package org.reglament.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The operators' pattern: the actuator on a port of its own (management.server.port, 9091 in the deployments, bound
 * to an internal address), where probes and Prometheus read health and metrics without a key, while the main port
 * serves the API only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "management.server.address=127.0.0.1"})
@AutoConfigureObservability(tracing = false)
class ManagementPortTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void probesAndMetricsAnswerOnTheManagementPortWithoutAKey() throws Exception {
        HttpResponse<String> decision = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/decisions/service-error-rate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"2017-01-15\",\"errors\":1,\"calls\":1000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(decision.statusCode()).isEqualTo(200);

        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("reglament_decisions_total\\{[^}]*decision=\"service-error-rate\"");
    }

    @Test
    void theMainPortServesNoActuatorAndStillGuardsTheLog() throws Exception {
        HttpResponse<String> metrics = get(port, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(port, "/api/v1/audit/verify").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(int onPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
