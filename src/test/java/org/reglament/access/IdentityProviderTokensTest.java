package org.reglament.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reglament.api.TestIdentityProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The identity provider's tokens, checked by the decoder the service builds from Spring Boot's settings, for each of
 * the three ways to the provider's keys: a real HTTP server on loopback plays the provider (its JWK set and its OpenID
 * discovery document), and tokens are signed with its key or another. AccessTest covers the whole chain over HTTP
 * (public key, roles, 401 and 403 for each forgery).
 */
class IdentityProviderTokensTest {
    private static final String SETTINGS = IdentityProviderTokens.SETTINGS;

    private final RSAKey key = generate();
    private final RSAKey stranger = generate();
    private final AtomicInteger discoveries = new AtomicInteger();
    /** What the provider's JWK set endpoint serves: the key above unless a test says otherwise. */
    private volatile String jwks = new JWKSet(key.toPublicJWK()).toString();
    private HttpServer provider;
    private String issuer;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/reglament";
        provider.createContext("/realms/reglament/jwks", exchange -> answer(exchange, jwks));
        provider.createContext("/realms/reglament/.well-known/openid-configuration", exchange -> {
            discoveries.incrementAndGet();
            answer(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                    + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void aJwkSetUriFetchesTheProvidersKeysAndChecksTheIssuerWhenOneIsSet() {
        JwtDecoder decoder = decoder(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "issuer-uri", issuer));

        Jwt jwt = decoder.decode(sign(claims(), key));
        assertThat(jwt.getSubject()).isEqualTo("auditor-1");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AUDITOR");

        assertRefused(decoder, sign(claims(), stranger), "another key");
        assertRefused(decoder, sign(claims(c -> c.issuer("https://evil.example")), key), "another issuer");
        assertRefused(decoder, sign(claims(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))), key), "expired");
        assertRefused(decoder, sign(claims(c -> c.expirationTime(null)), key), "no expiry");
        assertRefused(decoder, sign(claims(c -> c.subject(null)), key), "no subject");
    }

    @Test
    void everyForgeryIsRefusedWithKeysFromAJwkSet() {
        TestIdentityProvider idp = new TestIdentityProvider();
        jwks = idp.jwkSet();
        JwtDecoder decoder = decoder(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "issuer-uri", TestIdentityProvider.ISSUER));
        assertThat(decoder.decode(idp.token("auditor-1", List.of("AUDITOR"))).getSubject()).isEqualTo("auditor-1");
        for (String[] forgery : idp.forgeries("auditor-1")) {
            assertRefused(decoder, forgery[1], forgery[0]);
        }
    }

    @Test
    void anIssuerUriAloneTakesTheAlgorithmOfTheProvidersKeysUnlessConfigured() throws Exception {
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        jwks = new JWKSet(ec.toPublicJWK()).toString();
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), claims().build());
        signed.sign(new ECDSASigner(ec));
        String token = signed.serialize();

        JwtDecoder discovered = decoder(new MockEnvironment().withProperty(SETTINGS + "issuer-uri", issuer));
        assertThat(discovered.decode(token).getSubject()).isEqualTo("auditor-1");
        JwtDecoder rs256Only = decoder(new MockEnvironment().withProperty(SETTINGS + "issuer-uri", issuer)
                .withProperty(SETTINGS + "jws-algorithms", "RS256"));
        assertRefused(rs256Only, token, "ES256 when only RS256 is configured");
    }

    @Test
    void settingsTheServiceWouldIgnoreAreNamed() {
        assertThat(IdentityProviderTokens.unusedSettings(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "audiences", "reglament"))).isEmpty();
        assertThat(IdentityProviderTokens.unusedSettings(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "authorities-claim-name", "groups")
                .withProperty(SETTINGS + "principal-claim-name", "email")))
                .hasSize(2).allMatch(problem -> problem.contains("\"roles\" claim"))
                .anyMatch(problem -> problem.startsWith(SETTINGS + "authorities-claim-name"));
        assertThat(IdentityProviderTokens.unusedSettings(new MockEnvironment().withProperty(SETTINGS + "audiences", "x")))
                .singleElement().asString().contains(SETTINGS + "audiences", "no identity provider");
        assertThat(IdentityProviderTokens.unusedSettings(new MockEnvironment().withProperty(
                "spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", "https://idp.example/introspect")))
                .singleElement().asString().contains("opaque tokens");
    }

    @Test
    void anIssuerUriAloneDiscoversTheKeysOnTheFirstTokenNotAtStart() {
        JwtDecoder decoder = decoder(new MockEnvironment().withProperty(SETTINGS + "issuer-uri", issuer));
        // Built while nothing was asked of the provider: the service starts when the provider is down.
        assertThat(discoveries).hasValue(0);

        assertThat(decoder.decode(sign(claims(), key)).getSubject()).isEqualTo("auditor-1");
        assertThat(discoveries).hasValue(1);
        assertRefused(decoder, sign(claims(c -> c.issuer(issuer + "-other")), key), "another issuer");
        assertRefused(decoder, sign(claims(), stranger), "another key");
    }

    @Test
    void aPublicKeyWithAnIssuerUriChecksTheIssuerToo(@TempDir Path directory) throws Exception {
        Path pem = directory.resolve("idp.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        JwtDecoder decoder = decoder(new MockEnvironment()
                .withProperty(SETTINGS + "public-key-location", "file:" + pem)
                .withProperty(SETTINGS + "issuer-uri", issuer));

        assertThat(decoder.decode(sign(claims(), key)).getSubject()).isEqualTo("auditor-1");
        assertRefused(decoder, sign(claims(c -> c.issuer("https://evil.example")), key), "another issuer");
        assertRefused(decoder, sign(claims(), stranger), "another key");
        // The key is on disk: the provider was never asked.
        assertThat(discoveries).hasValue(0);
    }

    @Test
    void audiencesWhenSetMustBeNamedByTheToken() {
        JwtDecoder decoder = decoder(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "audiences", "reglament,registry-portal"));

        assertThat(decoder.decode(sign(claims(c -> c.audience(List.of("mail", "registry-portal"))), key))
                .getAudience()).contains("registry-portal");
        assertRefused(decoder, sign(claims(c -> c.audience("mail")), key), "another audience");
        assertRefused(decoder, sign(claims(), key), "no audience");
    }

    @Test
    void onlyTheConfiguredSignatureAlgorithmsAreAccepted() throws Exception {
        JwtDecoder rs512 = decoder(new MockEnvironment()
                .withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "jws-algorithms", "RS512"));
        assertRefused(rs512, sign(claims(), key), "RS256 when RS512 is configured");
        SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(key.getKeyID()).build(),
                claims().build());
        signed.sign(new RSASSASigner(key));
        assertThat(rs512.decode(signed.serialize()).getSubject()).isEqualTo("auditor-1");
    }

    @Test
    void settingsThatCannotWorkStopTheStartNamingTheSetting(@TempDir Path directory) throws Exception {
        assertThatThrownBy(() -> decoder(new MockEnvironment().withProperty(SETTINGS + "jwk-set-uri", issuer + "/jwks")
                .withProperty(SETTINGS + "jws-algorithms", "RS257")))
                .hasMessageContaining(SETTINGS + "jws-algorithms").hasMessageContaining("RS257");
        Path pem = directory.resolve("idp.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                key.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        assertThatThrownBy(() -> decoder(new MockEnvironment()
                .withProperty(SETTINGS + "public-key-location", "file:" + pem)
                .withProperty(SETTINGS + "jws-algorithms", "RS256,RS512")))
                .hasMessageContaining("exactly one algorithm");
        assertThatThrownBy(() -> decoder(new MockEnvironment()
                .withProperty(SETTINGS + "public-key-location", "file:" + directory.resolve("missing.pem"))))
                .hasMessageContaining(SETTINGS + "public-key-location").hasMessageContaining("cannot be read");
        Path notAKey = directory.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello\n");
        assertThatThrownBy(() -> decoder(new MockEnvironment()
                .withProperty(SETTINGS + "public-key-location", "file:" + notAKey)))
                .hasMessageContaining("does not hold an RSA public key");
    }

    @Test
    void configuredMeansOneOfTheThreeWaysToTheKeys() {
        assertThat(IdentityProviderTokens.configured(new MockEnvironment())).isFalse();
        assertThat(IdentityProviderTokens.configured(new MockEnvironment().withProperty(SETTINGS + "audiences", "x")))
                .isFalse();
        assertThat(IdentityProviderTokens.configured(new MockEnvironment().withProperty(SETTINGS + "issuer-uri", " ")))
                .isFalse();
        for (String way : List.of("jwk-set-uri", "public-key-location", "issuer-uri")) {
            assertThat(IdentityProviderTokens.configured(new MockEnvironment().withProperty(SETTINGS + way, "x")))
                    .as(way).isTrue();
        }
    }

    private static JwtDecoder decoder(MockEnvironment environment) {
        return IdentityProviderTokens.decoder(environment, new DefaultResourceLoader());
    }

    private static void assertRefused(JwtDecoder decoder, String token, String what) {
        assertThatThrownBy(() -> decoder.decode(token)).as(what).isInstanceOf(JwtException.class);
    }

    private JWTClaimsSet.Builder claims() {
        return claims(UnaryOperator.identity());
    }

    private JWTClaimsSet.Builder claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().subject("auditor-1").issuer(issuer)
                .claim("roles", List.of("AUDITOR")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))));
    }

    private static String sign(JWTClaimsSet.Builder claims, RSAKey signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
