package org.reglament.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.reglament.api.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Audit endpoints: 401 for an anonymous caller or an unknown key, 403 for a registry tool's key, 200 for an
 * auditor, by API key or by a JWT from an identity provider whose roles claim names AUDITOR; forged tokens 401;
 * metrics for METRICS and AUDITOR only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class AccessTest {
    private static final TestIdentityProvider IDP = new TestIdentityProvider();

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        IDP.register(registry);
    }

    @Test
    void anonymousCallersGet401AndTheWrongRole403() throws Exception {
        HttpResponse<String> anonymous = get("/api/v1/audit/verify", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(anonymous.body()).path("status").asInt()).isEqualTo(401);

        assertThat(get("/api/v1/audit/verify", "not-a-key", null).statusCode()).isEqualTo(401);

        HttpResponse<String> registryTool = get("/api/v1/audit/verify", "local-decider-key", null);
        assertThat(registryTool.statusCode()).isEqualTo(403);
        assertThat(json.readTree(registryTool.body()).path("title").asText()).isEqualTo("Forbidden");

        assertThat(get("/api/v1/audit/verify", "local-auditor-key", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/audit/decisions", "local-auditor-key", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithMoreThanOneCredentialIsRefusedWhateverTheirOrder() throws Exception {
        // The auditor's key with another, in either order; the decider's key with the auditor's in Authorization.
        for (String[][] credentials : new String[][][] {
                {{"X-API-Key", "local-auditor-key"}, {"X-API-Key", "bogus"}},
                {{"X-API-Key", "bogus"}, {"X-API-Key", "local-auditor-key"}},
                {{"X-API-Key", "local-decider-key"}, {"Authorization", "ApiKey local-auditor-key"}},
                {{"X-API-Key", "local-auditor-key"}, {"Authorization", "Bearer "
                        + IDP.token("auditor@ministry", List.of("AUDITOR"))}}}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/v1/audit/verify"));
            for (String[] header : credentials) {
                request.header(header[0], header[1]);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(java.util.Arrays.deepToString(credentials)).isEqualTo(401);
            assertThat(json.readTree(answer.body()).path("title").asText()).isEqualTo("More than one credential");
        }
    }

    @Test
    void metricsNeedRoleMetricsOrAuditorOnTheMainPort() throws Exception {
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "local-decider-key", null).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "local-metrics-key", null).body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/prometheus", "local-auditor-key", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", null, IDP.token("prometheus", List.of("METRICS"))).statusCode()).isEqualTo(200);
        // Prometheus sends a key only as Authorization: <type> <credentials>.
        HttpResponse<String> scraper = http.send(HttpRequest.newBuilder(url("/actuator/prometheus"))
                .header("Authorization", "ApiKey local-metrics-key").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void bearerTokensCarryTheirRoles() throws Exception {
        assertThat(get("/api/v1/audit/verify", null, IDP.token("auditor@ministry", List.of("AUDITOR"))).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/audit/verify", null, IDP.token("registry", List.of("DECIDER"))).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/verify", null, "not.a.token").statusCode()).isEqualTo(401);
    }

    @Test
    void forgedExpiredUnsignedAndForeignTokensAre401() throws Exception {
        for (String[] forged : IDP.forgeries("auditor@ministry")) {
            HttpResponse<String> answer = get("/api/v1/audit/verify", null, forged[1]);
            assertThat(answer.statusCode()).as(forged[0]).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(forged[0]).hasValue("application/problem+json");
        }
    }

    @Test
    void decisionsAnswerAnyCallerByDefault() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url("/api/v1/decisions/e-services-share"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\",\"percent\":50}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode envelope = json.readTree(answer.body());
        assertThat(envelope.path("digest").asText()).hasSize(64);
    }

    private HttpResponse<String> get(String path, String key, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
