package org.reglament.candidate;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proposing and removing candidate knowledge bases (role KB_PROPOSER); replaying against them is the auditor's. */
@RestController
@RequestMapping(path = CandidateController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Candidates", description = "Candidate knowledge bases, compiled and run only in a confined worker "
        + "(role KB_PROPOSER)")
public class CandidateController {
    public static final String PATH = "/api/v1/audit/knowledge-bases";

    private final Candidates candidates;

    public CandidateController(Candidates candidates) {
        this.candidates = candidates;
    }

    /** A candidate: a kept version (or "current") with some files replaced, added or (empty content) removed. */
    public record Candidate(String basedOn, @NotEmpty Map<String, String> files) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Compile a candidate in a confined worker and keep it if it compiles, to replay decisions "
            + "against before adopting it")
    public Candidates.Proposal propose(@Valid @RequestBody Candidate candidate, Authentication caller) {
        return candidates.propose(candidate.basedOn(), candidate.files(), caller.getName());
    }

    @DeleteMapping("/{version}")
    @Operation(summary = "Remove a kept candidate (frees its part of the quota)")
    public ResponseEntity<Void> delete(@PathVariable String version) {
        candidates.delete(version);
        return ResponseEntity.noContent().build();
    }
}
