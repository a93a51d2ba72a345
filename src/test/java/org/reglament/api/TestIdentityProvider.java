package org.reglament.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An identity provider for tests: an RSA key pair whose public half the service is started with
 * (spring.security.oauth2.resourceserver.jwt.public-key-location, reglament.security.jwt.issuer), and the tokens an
 * attacker would try beside the good ones: forged, expired, unsigned, from another issuer, and so on.
 */
public final class TestIdentityProvider {
    public static final String ISSUER = "https://idp.reglament.test";

    private final KeyPair keys = rsa();
    private final KeyPair stranger = rsa();

    /** Starts the service trusting this provider's key and issuer. */
    public void register(DynamicPropertyRegistry registry) {
        try {
            Path pem = Files.createTempFile("reglament-idp", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
            registry.add("reglament.security.jwt.issuer", () -> ISSUER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's public key as its JWK set endpoint serves it (spring.security.oauth2.resourceserver.jwt.jwk-set-uri). */
    public String jwkSet() {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).build()).toString();
    }

    /** A good token: signed by the provider, from its issuer, with a subject, valid for five minutes. */
    public String token(String subject, Object roles) {
        return sign(claims(subject, roles).build(), keys);
    }

    /** The tokens that must all be refused (401), whatever their roles claim says; each with what is wrong with it. */
    public List<String[]> forgeries(String subject) {
        JWTClaimsSet good = claims(subject, List.of("AUDITOR")).build();
        String genuine = sign(good, keys);
        String[] parts = genuine.split("\\.");
        String unsignedHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String auditorPayload = base64(good.toString());
        return List.of(
                new String[] {"signed by another key", sign(good, stranger)},
                new String[] {"expired ten minutes ago", sign(claims(subject, List.of("AUDITOR"))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))
                        .issueTime(Date.from(Instant.now().minusSeconds(1200))).build(), keys)},
                new String[] {"not valid for ten minutes yet", sign(claims(subject, List.of("AUDITOR"))
                        .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build(), keys)},
                new String[] {"alg none, no signature", unsignedHeader + "." + auditorPayload + "."},
                new String[] {"alg none, the genuine signature", unsignedHeader + "." + auditorPayload + "." + parts[2]},
                new String[] {"another issuer", sign(claims(subject, List.of("AUDITOR")).issuer("https://evil.example").build(), keys)},
                new String[] {"no issuer", sign(claims(subject, List.of("AUDITOR")).issuer(null).build(), keys)},
                new String[] {"no expiry", sign(claims(subject, List.of("AUDITOR")).expirationTime(null).build(), keys)},
                new String[] {"no subject", sign(claims(null, List.of("AUDITOR")).build(), keys)},
                new String[] {"HS256 keyed with the public key", hmacWithPublicKey(good)},
                new String[] {"payload swapped, signature kept", parts[0] + "."
                        + base64(claims("root", List.of("AUDITOR", "KB_PROPOSER", "METRICS")).build().toString()) + "." + parts[2]},
                new String[] {"signature cut", parts[0] + "." + parts[1] + "."},
                new String[] {"not a token", "not-a-token"},
                new String[] {"three empty parts", ".."},
                new String[] {"garbage parts", "a.b.c"},
                new String[] {"a 7 KB token", "x".repeat(7000) + "." + "y".repeat(100) + ".z"});
    }

    private static JWTClaimsSet.Builder claims(String subject, Object roles) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic algorithm confusion: an HMAC "signature" keyed with the verifier's public key. */
    private String hmacWithPublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(keys.getPublic().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
