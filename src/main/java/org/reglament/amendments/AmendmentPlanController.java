package org.reglament.amendments;

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
@RequestMapping(path = "/api/v1/decisions/plan-of-amendments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plan of amendments", description = "Kamchatka guidelines, section 2: plans of amendments to administrative regulations")
public class AmendmentPlanController {
    private final AmendmentPlanDecisions decisions;

    public AmendmentPlanController(AmendmentPlanDecisions decisions) {
        this.decisions = decisions;
    }

    @PostMapping(path = "/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a plan of amendments: its approval, the recommended columns, terms beyond 30.09.2018, the most demanded services first")
    public DecisionEnvelope<AmendmentPlanCheck> check(@Valid @RequestBody AmendmentPlanRequest request) {
        return decisions.check(request);
    }
}
