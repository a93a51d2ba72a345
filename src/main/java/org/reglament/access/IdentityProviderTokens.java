package org.reglament.access;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How the service checks an identity provider's bearer tokens, built from Spring Boot's own settings
 * ({@value #SETTINGS}*) when the service starts, not by Spring Boot's auto-configuration (which ReglamentApplication
 * leaves out).
 * <p>
 * Why not Spring Boot's: its token decoders are beans conditional on these settings, and Spring's ahead-of-time code
 * (pom.xml, process-aot; the trained image and the fast starts of docs/benchmarks.md run on it) decides at build time
 * which beans exist. Built without an identity provider, that code had no decoder, and a deployment that configured
 * one at start did not start ("required a bean of type JwtDecoder"). Built here, inside the security chain's own bean,
 * the same code serves both starts.
 * <p>
 * The settings mean what Spring Boot's reference says they mean, with its precedence: {@code jwk-set-uri} (keys fetched
 * from the provider on the first token and when an unknown key id arrives), else {@code public-key-location} (one RSA
 * key in a PEM file), else {@code issuer-uri} (the provider's keys found through its OpenID discovery document on the
 * first token, so the service starts while the provider is down). {@code jws-algorithms} lists the accepted signature
 * algorithms: RS256 when unset with a JWK set or a public key (exactly one with a public key); with the issuer-uri
 * alone, when unset, the algorithms of the keys the provider publishes, as Spring Boot does. {@code audiences}, when
 * set, is the list a token's {@code aud} must name at least one of. Every token must be within its validity window;
 * with {@code issuer-uri} set its {@code iss} must be that, whichever way the keys come (Spring Boot checks it with
 * jwk-set-uri and issuer-uri only: here a public key with an issuer-uri checks it too). And the service's own rules
 * ({@link #serviceRules}: expiry, subject, reglament.security.jwt.issuer) apply to all three.
 */
final class IdentityProviderTokens {
    static final String SETTINGS = "spring.security.oauth2.resourceserver.jwt.";
    private static final List<String> KEY_SOURCES = List.of("jwk-set-uri", "public-key-location", "issuer-uri");

    private IdentityProviderTokens() {
    }

    /** Whether any of the three ways to an identity provider's keys is set. */
    static boolean configured(Environment environment) {
        return KEY_SOURCES.stream().anyMatch(key -> setting(environment, key) != null);
    }

    /**
     * Spring Boot settings of a resource server that this service would otherwise ignore without a word: how Spring
     * Boot maps a token's claims to roles and name (the service reads its roles from the "roles" claim and the
     * caller from "sub": AccessConfiguration.RolesClaim), opaque tokens (not supported), and the checks of a token
     * set without any way to the provider's keys. Each makes the start refuse (DeploymentAccessCheck).
     */
    static List<String> unusedSettings(Environment environment) {
        List<String> problems = new ArrayList<>();
        for (String key : List.of("authorities-claim-name", "authority-prefix", "authorities-claim-delimiter",
                "principal-claim-name")) {
            if (setting(environment, key) != null) {
                problems.add(SETTINGS + key + " is set, but this service does not use it: a token's roles are the "
                        + "names in its \"roles\" claim and the caller is its \"sub\" (docs/security.md, Tokens)");
            }
        }
        if (!configured(environment)) {
            for (String key : List.of("audiences", "jws-algorithms")) {
                if (!list(environment, key).isEmpty()) {
                    problems.add(SETTINGS + key + " is set, but no identity provider is: set one of " + SETTINGS
                            + KEY_SOURCES + " as well, or remove it");
                }
            }
        }
        if (!environment.getProperty("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri", "").isBlank()) {
            problems.add("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri is set, but this service "
                    + "takes only signed JWTs (" + SETTINGS + "*), not opaque tokens");
        }
        return problems;
    }

    /** The decoder for the configured identity provider; {@link #configured} must be true. */
    static JwtDecoder decoder(Environment environment, ResourceLoader resources) {
        String jwkSetUri = setting(environment, "jwk-set-uri");
        String publicKeyLocation = setting(environment, "public-key-location");
        String issuerUri = setting(environment, "issuer-uri");
        List<SignatureAlgorithm> configured = algorithms(environment);
        List<SignatureAlgorithm> algorithms = configured.isEmpty() ? List.of(SignatureAlgorithm.RS256) : configured;
        List<String> audiences = list(environment, "audiences");
        OAuth2TokenValidator<Jwt> additional = serviceRules(environment.getProperty("reglament.security.jwt.issuer", ""));
        if (jwkSetUri != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    .jwsAlgorithms(accepting(algorithms)).build();
            decoder.setJwtValidator(validator(issuerUri, audiences, additional));
            return decoder;
        }
        if (publicKeyLocation != null) {
            if (algorithms.size() != 1) {
                throw new IllegalStateException(SETTINGS + "jws-algorithms must name exactly one algorithm with "
                        + SETTINGS + "public-key-location (a public key is of one algorithm), not " + algorithms);
            }
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, publicKeyLocation))
                    .signatureAlgorithm(algorithms.get(0)).build();
            decoder.setJwtValidator(validator(issuerUri, audiences, additional));
            return decoder;
        }
        if (issuerUri == null) {
            throw new IllegalStateException("no identity provider is configured: set one of " + SETTINGS + KEY_SOURCES);
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri)
                    .jwsAlgorithms(accepting(configured)).build();
            decoder.setJwtValidator(validator(issuerUri, audiences, additional));
            return decoder;
        });
    }

    /**
     * What every token must also satisfy, beyond its signature, validity window, audience and issuer-uri: an expiry,
     * so that no token is good for ever, a subject (the caller receipts name), and, with reglament.security.jwt.issuer,
     * that issuer (the one way to require an issuer with a public key and no issuer-uri).
     */
    static OAuth2TokenValidator<Jwt> serviceRules(String issuer) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        rules.add(new JwtClaimValidator<Object>(JwtClaimNames.SUB, subject -> subject instanceof String name && !name.isBlank()));
        if (!issuer.isBlank()) {
            rules.add(new JwtIssuerValidator(issuer.trim()));
        }
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuerUri, List<String> audiences,
                                                       OAuth2TokenValidator<Jwt> additional) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuerUri == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuerUri));
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        validators.add(additional);
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static Consumer<java.util.Set<SignatureAlgorithm>> accepting(List<SignatureAlgorithm> algorithms) {
        return accepted -> accepted.addAll(algorithms);
    }

    private static List<SignatureAlgorithm> algorithms(Environment environment) {
        List<SignatureAlgorithm> algorithms = new ArrayList<>();
        for (String name : list(environment, "jws-algorithms")) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.trim());
            if (algorithm == null) {
                throw new IllegalStateException(SETTINGS + "jws-algorithms names \"" + name + "\", which is not a "
                        + "signature algorithm (one of " + Stream.of(SignatureAlgorithm.values()).map(Enum::name).toList() + ")");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location);
        try (InputStream pem = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new IllegalStateException(SETTINGS + "public-key-location " + location + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTINGS + "public-key-location " + location
                    + " does not hold an RSA public key in PEM (-----BEGIN PUBLIC KEY-----)", e);
        }
    }

    private static String setting(Environment environment, String key) {
        String value = environment.getProperty(SETTINGS + key, "");
        return value.isBlank() ? null : value.trim();
    }

    private static List<String> list(Environment environment, String key) {
        return Binder.get(environment).bind(SETTINGS + key, Bindable.listOf(String.class)).orElse(List.of())
                .stream().filter(value -> !value.isBlank()).toList();
    }
}
