package org.reglament.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reglament.ReglamentApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Outside the local profile the service does not start with the example keys or with none at all, and says how to
 * set real ones; started in-process as `java -jar` would start it, with another profile than the tests' local one.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeploymentAccessCheckTest {

    @Test
    void withoutKeysOrAnIdentityProviderTheServiceDoesNotStart(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.profiles.active=production"))
                .isInstanceOf(DeploymentAccessCheck.UnsafeAccessException.class)
                .hasMessageContaining("no API key and no identity provider is configured");
        assertThat(output).contains("APPLICATION FAILED TO START", "REGLAMENT_SECURITY_APIKEYS_0_KEY",
                "--spring.profiles.active=local");
    }

    @Test
    void theExampleKeysAreRefusedOutsideTheLocalProfile() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production",
                "--reglament.security.api-keys[0].name=registry", "--reglament.security.api-keys[0].key=local-decider-key",
                "--reglament.security.api-keys[0].roles=DECIDER"))
                .hasMessageContaining("reglament.security.api-keys[0] (registry) is an example key");
        // The local profile's own keys come with it, so naming that profile is all it takes to refuse them elsewhere.
        assertThatThrownBy(() -> start("--spring.profiles.active=production",
                "--spring.config.import=classpath:application-local.properties"))
                .hasMessageContaining("(local-auditor) is an example key").hasMessageContaining("(local-metrics) is an example key");
    }

    @Test
    void theDeploymentFilesPlaceholdersAndShortKeysAreRefused() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production",
                "--reglament.security.api-keys[0].name=registry-tool",
                "--reglament.security.api-keys[0].key=REPLACE-with-openssl-rand-hex-32",
                "--reglament.security.api-keys[0].roles=DECIDER", "--reglament.security.api-keys[1].name=auditor",
                "--reglament.security.api-keys[1].key=secret", "--reglament.security.api-keys[1].roles=AUDITOR"))
                .hasMessageContaining("(registry-tool) is a placeholder of the repository's deployment files")
                .hasMessageContaining("(auditor) is shorter than 16 characters");
    }

    @Test
    void aKeyMustHaveAValueANameAndRolesThatExist() {
        assertThatThrownBy(() -> start("--spring.profiles.active=production",
                "--reglament.security.api-keys[0].name=auditor", "--reglament.security.api-keys[0].key=",
                "--reglament.security.api-keys[0].roles=AUDITORS,METRICS"))
                .hasMessageContaining("(auditor) has no key")
                .hasMessageContaining("names roles that do not exist: [AUDITORS]");
    }

    @Test
    void realKeysFromTheEnvironmentPassAndTheExampleKeysPassInTheLocalProfile() {
        StandardEnvironment deployment = environment(Map.of(
                "REGLAMENT_SECURITY_APIKEYS_0_NAME", "registry-tool",
                "REGLAMENT_SECURITY_APIKEYS_0_KEY", "3f1c0d9e8b7a65544332211000ffeedd",
                "REGLAMENT_SECURITY_APIKEYS_0_ROLES", "DECIDER",
                // The dashed name's other spelling binds too.
                "REGLAMENT_SECURITY_API_KEYS_1_NAME", "prometheus",
                "REGLAMENT_SECURITY_API_KEYS_1_KEY", "9a8b7c6d5e4f32100123456789abcdef",
                "REGLAMENT_SECURITY_API_KEYS_1_ROLES", "METRICS,AUDITOR"));
        assertThat(DeploymentAccessCheck.problems(deployment)).isEmpty();

        StandardEnvironment example = environment(Map.of("REGLAMENT_SECURITY_APIKEYS_0_NAME", "mine",
                "REGLAMENT_SECURITY_APIKEYS_0_KEY", "local-mine", "REGLAMENT_SECURITY_APIKEYS_0_ROLES", "AUDITOR"));
        assertThat(DeploymentAccessCheck.problems(example)).singleElement().asString().contains("(mine) is an example key");
        example.setActiveProfiles(DeploymentAccessCheck.LOCAL_PROFILE);
        assertThat(DeploymentAccessCheck.problems(example)).isEmpty();
    }

    @Test
    void anIdentityProviderAloneIsEnough() {
        StandardEnvironment jwt = environment(Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI",
                "https://idp.example/realms/reglament"));
        assertThat(DeploymentAccessCheck.problems(jwt)).isEmpty();
    }

    @Test
    void anIdentityProviderSettingTheServiceWouldIgnoreStopsTheStart() {
        StandardEnvironment jwt = environment(Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI",
                "https://idp.example/jwks", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUTHORITIESCLAIMNAME", "groups"));
        assertThat(DeploymentAccessCheck.problems(jwt)).singleElement().asString()
                .contains("spring.security.oauth2.resourceserver.jwt.authorities-claim-name", "\"roles\" claim");
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment); // as Spring Boot does: relaxed names, environment variables
        return environment;
    }

    private static void start(String... arguments) {
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("--server.port=0",
                "--spring.main.banner-mode=off"), java.util.Arrays.stream(arguments)).toArray(String[]::new);
        new SpringApplicationBuilder(ReglamentApplication.class).run(all).close();
    }
}
