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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresDecisionLogTest extends DecisionLogContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv("REGLAMENT_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_USER", "reglament"));
        registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_PASSWORD", "reglament"));
    }
}
