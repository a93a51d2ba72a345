package org.reglament.deployment;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The check the deployment tests rely on: which environment variables set a property the application reads. */
class ApplicationSettingsTest {
    private static ApplicationSettings settings;

    @BeforeAll
    static void load() throws Exception {
        settings = ApplicationSettings.load();
    }

    @Test
    void environmentVariablesMapToTheirPropertiesByRelaxedBinding() {
        // Spring Boot's own (configuration metadata), a map entry, application.properties, @Value and
        // @ConfigurationProperties (a list of records, and a record).
        assertEquals(Optional.of("spring.datasource.url"), settings.propertyOf("SPRING_DATASOURCE_URL"));
        assertEquals(Optional.of("management.server.port"), settings.propertyOf("MANAGEMENT_SERVER_PORT"));
        assertEquals(Optional.of("management.metrics.tags.replica"),
                settings.propertyOf("MANAGEMENT_METRICS_TAGS_REPLICA"));
        assertEquals(Optional.of("reglament.datadirectory"), settings.propertyOf("REGLAMENT_DATADIRECTORY"));
        assertEquals(Optional.of("reglament.audit.log.journalforce"),
                settings.propertyOf("REGLAMENT_AUDIT_LOG_JOURNALFORCE"));
        assertEquals(Optional.of("reglament.security.apikeys[2].key"),
                settings.propertyOf("REGLAMENT_SECURITY_APIKEYS_2_KEY"));
        assertEquals(Optional.of("reglament.rules.directory"), settings.propertyOf("REGLAMENT_RULES_DIRECTORY"));
    }

    @Test
    void aVariableThatSetsNothingTheApplicationReadsIsFound() {
        assertEquals(Optional.empty(), settings.propertyOf("SPRING_DATASOURCE_URI"));
        assertEquals(Optional.empty(), settings.propertyOf("REGLAMENT_SECURITY_APIKEY_0_KEY"));
        assertEquals(Optional.empty(), settings.propertyOf("REGLAMENT_SECURITY_APIKEYS_0_SECRET"));
        assertEquals(Optional.empty(), settings.propertyOf("REGLAMENT_DATA_DIRECTORY_PATH"));
        assertEquals(Optional.empty(), settings.propertyOf("REGLAMENT_RULES_FOLDER"));
    }

    @Test
    void valuesComeFromTheEnvironmentElseFromApplicationProperties() {
        assertEquals(Optional.of("8080"), settings.value("server.port", Map.of()));
        assertEquals(Optional.of("9091"), settings.value("server.port", Map.of("SERVER_PORT", "9091")));
        assertEquals(Optional.of("/data/journal"),
                settings.value("reglament.audit.log.journal-directory", Map.of("REGLAMENT_DATADIRECTORY", "/data")));
        assertEquals(Optional.of("replica-7"),
                settings.value("management.metrics.tags.replica", Map.of("REGLAMENT_INSTANCENAME", "replica-7")));
    }
}
