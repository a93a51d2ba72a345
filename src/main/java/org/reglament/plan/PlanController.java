package org.reglament.plan;

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
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Smolensk plan", description = "Order No. 451-р/адм of 13.04.2016: targets, error limit, item terms")
public class PlanController {
    private final PlanDecisions plan;

    public PlanController(PlanDecisions plan) {
        this.plan = plan;
    }

    @PostMapping(path = "/e-services-share", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Does a quarter's share of citizens using e-services meet the plan's target?")
    public DecisionEnvelope<PlanAnswers.IndicatorCheck> share(@Valid @RequestBody PlanRequests.ShareCheck request) {
        return plan.share(request);
    }

    @PostMapping(path = "/service-error-rate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Do a service's errors stay within 1 percent of calls (item 2.5)?")
    public DecisionEnvelope<PlanAnswers.IndicatorCheck> errorRate(@Valid @RequestBody PlanRequests.ErrorRateCheck request) {
        return plan.errorRate(request);
    }

    @PostMapping(path = "/entrants-registration", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Are all citizens entering state and municipal service registered on the portals (item 3.8: 100 %)?")
    public DecisionEnvelope<PlanAnswers.IndicatorCheck> entrantsRegistration(
            @Valid @RequestBody PlanRequests.EntrantsRegistrationCheck request) {
        return plan.entrantsRegistration(request);
    }

    @PostMapping(path = "/plan-status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every plan item's term and status on asOf")
    public DecisionEnvelope<PlanAnswers.PlanStatus> status(@Valid @RequestBody PlanRequests.PlanStatusCheck request) {
        return plan.status(request);
    }
}
