package org.reglament.log;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log's signing key, read at start from {@code reglament.audit.log.signing-key} (a file outside the data
 * directory, never in the database). {@code reglament.audit.log.create-signing-key=true} writes a new one where none
 * exists (a local run); a deployment mounts its key, and several replicas share one key.
 */
@Configuration
public class LogKeyConfiguration {
    private static final Logger log = LoggerFactory.getLogger(LogKeyConfiguration.class);

    @Bean
    LogKey logKey(@Value("${reglament.audit.log.origin:reglament.local/decision-log}") String origin,
                  @Value("${reglament.audit.log.signing-key}") Path file,
                  @Value("${reglament.audit.log.create-signing-key:false}") boolean create,
                  @Value("${reglament.data-directory}") Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (file.toAbsolutePath().normalize().startsWith(data)) {
            throw new IllegalStateException("the decision log's signing key " + file + " is inside the data directory "
                    + dataDirectory + ": whoever can copy or change the data could then sign a rewritten log. Keep it "
                    + "elsewhere (reglament.audit.log.signing-key)");
        }
        LogKey key = LogKey.load(origin, file, create);
        log.info("Decision log checkpoints are signed by {}", key.verifierKey());
        return key;
    }
}
