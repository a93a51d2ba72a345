package org.reglament.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Audit endpoints: 401 for an anonymous caller or an unknown key, 403 for a registry tool's key, 200 for an
 * auditor, by API key or by a JWT from an identity provider whose roles claim names AUDITOR.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTest {
    private static final KeyPair KEYS = keys();

    @LocalServerPort
    private int port;
    @Autowired
    private ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("reglament-idp", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
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
    void bearerTokensCarryTheirRoles() throws Exception {
        assertThat(get("/api/v1/audit/verify", null, token("auditor@ministry", List.of("AUDITOR"))).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/audit/verify", null, token("registry", List.of("DECIDER"))).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/audit/verify", null, "not.a.token").statusCode()).isEqualTo(401);
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

    private static String token(String subject, List<String> roles) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
                .claim("roles", roles).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
