package org.reglament.api;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fuzz probe with the decision log on PostgreSQL (the journal off, every receipt committed there before its
 * answer), fewer cases per endpoint. It runs where .ci/run sets REGLAMENT_TEST_POSTGRES_URL (and _USER, _PASSWORD), in
 * a schema of its own, emptied first, so that its receipts never meet those of the other PostgreSQL tests' log.
 */
@EnabledIfEnvironmentVariable(named = "REGLAMENT_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresFuzzProbeTest extends FuzzProbeTest {
    private static final String SCHEMA = "reglament_fuzz_probe";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getenv("REGLAMENT_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_USER", "reglament");
        String password = System.getenv().getOrDefault("REGLAMENT_TEST_POSTGRES_PASSWORD", "reglament");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @Override
    int casesPerDecisionEndpoint() {
        return Integer.getInteger("reglament.fuzz.postgres-cases", 120);
    }
}
