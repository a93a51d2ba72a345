package org.reglament.candidate;

import java.nio.file.Path;

import org.reglament.knowledgebase.RuleSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * A candidate knowledge base configured at start ({@code reglament.audit.candidate-directory}, a folder like
 * rules/): kept like a proposed one, compiled in a confined worker, so that it can be replayed against.
 */
@Component
class CandidateDirectory {
    private static final Logger log = LoggerFactory.getLogger(CandidateDirectory.class);

    private final Candidates candidates;
    private final String directory;

    CandidateDirectory(Candidates candidates, @Value("${reglament.audit.candidate-directory:}") String directory) {
        this.candidates = candidates;
        this.directory = directory;
    }

    @EventListener(ApplicationReadyEvent.class)
    void keep() {
        if (directory.isBlank()) {
            return;
        }
        try {
            String version = candidates.keep(RuleSources.fromDirectory(Path.of(directory)), null, "configuration").version();
            log.info("Candidate knowledge base {} from {} kept for replay", version, directory);
        } catch (ErrorResponseException | org.reglament.decision.InvalidRequestException e) {
            log.error("The candidate knowledge base in {} is not kept: {}", directory, e.getMessage());
        }
    }
}
