package org.reglament.log;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The decision log on a real PostgreSQL server, with the schema migrated by Flyway. .ci/run installs and starts
 * the server and sets REGLAMENT_TEST_POSTGRES_URL (and _USER, _PASSWORD).
 */
@EnabledIfEnvironmentVariable(named = "REGLAMENT_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "reglament.audit.log.checkpoint-interval-ms=100", "reglament.audit.log.checkpoint-keep-seconds=0",
        // Two receipts a fetch: every walk over a stream here takes several fetches, with answers read between them.
        "reglament.audit.log.rows-per-fetch=2"})
class PostgresDecisionLogTest extends DecisionLogContract {

    /** A schema of this run's own: earlier runs' logs (signed by other test keys) do not count in this one's. */
    static final String SCHEMA = "log_test_" + java.util.UUID.randomUUID().toString().replace("-", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("REGLAMENT_TEST_POSTGRES_URL");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_USER", "reglament"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_PASSWORD", "reglament"));
    }
}
