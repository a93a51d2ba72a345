package org.reglament.access;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Before anything else starts: the service refuses to run with keys everyone knows. Outside the {@value #LOCAL_PROFILE}
 * profile (which {@code ./mvnw spring-boot:run} and the tests activate, and which holds the example keys of
 * application-local.properties) it does not start with a key starting {@code local-} (the README's) or {@code REPLACE}
 * (the Kubernetes base's placeholders), a key shorter than 16 characters, or with no key and no identity provider. In any profile a key must not be blank and may name only known roles, and no setting of an identity provider may be
 * one the service would ignore (IdentityProviderTokens.unusedSettings). The message says how to set real keys.
 */
public class DeploymentAccessCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String LOCAL_PROFILE = "local";
    static final String EXAMPLE_PREFIX = "local-";
    /** How k8s/kustomization.yaml's placeholders begin ("REPLACE-with-openssl-rand-hex-32"). */
    static final String PLACEHOLDER_PREFIX = "REPLACE";
    static final int MIN_KEY_LENGTH = 16;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeAccessException(problems);
        }
    }

    static List<String> problems(ConfigurableEnvironment environment) {
        List<AccessProperties.ApiKey> keys = Binder.get(environment)
                .bind("reglament.security", Bindable.of(AccessProperties.class))
                .map(AccessProperties::apiKeys).orElse(List.of());
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            AccessProperties.ApiKey key = keys.get(i);
            String which = "reglament.security.api-keys[" + i + "]" + (key.name() == null ? "" : " (" + key.name() + ")");
            if (key.key() == null || key.key().isBlank()) {
                problems.add(which + " has no key");
            } else if (!local && key.key().startsWith(EXAMPLE_PREFIX)) {
                problems.add(which + " is an example key (it starts with \"" + EXAMPLE_PREFIX + "\"): the README "
                        + "publishes it, so anyone could use it");
            } else if (!local && key.key().regionMatches(true, 0, PLACEHOLDER_PREFIX, 0, PLACEHOLDER_PREFIX.length())) {
                problems.add(which + " is a placeholder of the repository's deployment files (it starts with \""
                        + PLACEHOLDER_PREFIX + "\"): replace it in an overlay");
            } else if (!local && key.key().length() < MIN_KEY_LENGTH) {
                problems.add(which + " is shorter than " + MIN_KEY_LENGTH + " characters, too easy to guess");
            }
            if (key.name() == null || key.name().isBlank()) {
                problems.add(which + " has no name (receipts record the caller by it)");
            }
            List<String> unknown = key.roles() == null ? List.of()
                    : key.roles().stream().filter(role -> !AccessConfiguration.ROLES.contains(role)).toList();
            if (key.roles() == null || key.roles().isEmpty()) {
                problems.add(which + " has no roles");
            } else if (!unknown.isEmpty()) {
                problems.add(which + " names roles that do not exist: " + unknown + " (roles: "
                        + AccessConfiguration.ROLES.stream().sorted().toList() + ")");
            }
        }
        problems.addAll(IdentityProviderTokens.unusedSettings(environment));
        if (!local && keys.isEmpty() && !IdentityProviderTokens.configured(environment)) {
            problems.add("no API key and no identity provider is configured, so nobody could read the decision log "
                    + "or the metrics");
        }
        return problems;
    }

    /** Why the service did not start; {@link Analysis} prints it with what to do. */
    public static final class UnsafeAccessException extends IllegalStateException {
        private final List<String> problems;

        UnsafeAccessException(List<String> problems) {
            super("Unsafe access configuration: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Spring Boot's start-failure report: what is wrong, and how to set real keys. */
    public static final class Analysis extends AbstractFailureAnalyzer<UnsafeAccessException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeAccessException cause) {
            return new FailureAnalysis("Reglament does not start with this access configuration:\n  - "
                    + String.join("\n  - ", cause.problems()), ACTION, cause);
        }
    }

    static final String ACTION = """
            Give each caller a key of its own, at least 32 random characters (openssl rand -hex 32), by environment \
            variables or a properties file outside the jar:
              REGLAMENT_SECURITY_APIKEYS_0_NAME=registry-tool  REGLAMENT_SECURITY_APIKEYS_0_KEY=…  REGLAMENT_SECURITY_APIKEYS_0_ROLES=DECIDER
              REGLAMENT_SECURITY_APIKEYS_1_NAME=auditor        REGLAMENT_SECURITY_APIKEYS_1_KEY=…  REGLAMENT_SECURITY_APIKEYS_1_ROLES=AUDITOR
              REGLAMENT_SECURITY_APIKEYS_2_NAME=prometheus     REGLAMENT_SECURITY_APIKEYS_2_KEY=…  REGLAMENT_SECURITY_APIKEYS_2_ROLES=METRICS
            (or --reglament.security.api-keys[0].key=… on the command line), or use an identity provider: \
            spring.security.oauth2.resourceserver.jwt.issuer-uri, or public-key-location with reglament.security.jwt.issuer, \
            roles in the token's "roles" claim. Roles: AUDITOR, DECIDER, KB_PROPOSER, METRICS. To try the service on your \
            own machine with the example keys, run it with --spring.profiles.active=local (./mvnw spring-boot:run does). \
            docs/security.md explains the roles and a safe deployment.""";
}
