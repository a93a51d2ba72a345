package org.reglament.features.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.spring.CucumberContextConfiguration;
import org.reglament.features.steps.DecisionPort;
import org.reglament.features.steps.Scenario;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;

/** The features against POST /api/v1/decisions/{decision} of a started server. */
@CucumberContextConfiguration
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(Scenario.class)
public class HttpFeaturesConfiguration {

    @TestConfiguration
    static class Port {
        @Bean
        @Lazy
        DecisionPort httpDecisionPort(@LocalServerPort int port, ObjectMapper json) {
            String baseUrl = System.getProperty("reglament.features.base-url", "http://localhost:" + port);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auditorKey = System.getProperty("reglament.features.auditor-key", "local-auditor-key");
            String proposerKey = System.getProperty("reglament.features.proposer-key", "local-proposer-key");
            return new DecisionPort() {
                @Override
                public Answer decide(String decision, JsonNode request) {
                    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/decisions/" + decision))
                            .POST(body(request)));
                }

                @Override
                public FileAnswer registry(String mode, String asOf, byte[] csv) {
                    try {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl
                                        + "/api/v1/registries/action-matrix?mode=" + mode + "&asOf=" + asOf))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        return new FileAnswer(response.statusCode(), response.body());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public Answer audit(String method, String path, JsonNode request) {
                    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/audit" + path))
                            .header("X-API-Key", auditorKey).method(method, body(request)));
                }

                @Override
                public Answer propose(JsonNode candidate) {
                    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/audit/knowledge-bases"))
                            .header("X-API-Key", proposerKey).POST(body(candidate)));
                }

                private HttpRequest.BodyPublisher body(JsonNode request) {
                    try {
                        return request == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                private Answer send(HttpRequest.Builder request) {
                    try {
                        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
                        return new Answer(response.statusCode(), json.readTree(response.body()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            };
        }
    }
}
