package org.reglament.commission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.reglament.decision.DecisionEnvelope;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/decisions/commission-meeting", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Expert commission", description = "Kazakhstan decree 845, clauses 25–33")
public class CommissionController {
    private final CommissionDecisions commission;

    public CommissionController(CommissionDecisions commission) {
        this.commission = commission;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Quorum and outcome of an expert commission meeting, and the deadline that follows")
    public DecisionEnvelope<CommissionDecision> decide(@Valid @RequestBody CommissionRequest request) {
        return commission.decide(request);
    }
}
