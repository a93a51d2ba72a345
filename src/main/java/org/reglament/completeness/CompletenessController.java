package org.reglament.completeness;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.reglament.decision.DecisionEnvelope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/decisions/completeness", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Completeness", description = "Kazakhstan: do the procedure's documents have every required part?")
public class CompletenessController {
    private final CompletenessDecisions completeness;

    public CompletenessController(CompletenessDecisions completeness) {
        this.completeness = completeness;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The parts a submitted document lacks, each with its clause and quote")
    public DecisionEnvelope<Completeness> check(@Valid @RequestBody CompletenessRequest request) {
        return completeness.check(request);
    }

    @GetMapping("/parts")
    @Operation(summary = "The documents each act requires and their parts (ids to submit)")
    public Map<String, DocumentsData> parts() {
        return completeness.documents();
    }
}
