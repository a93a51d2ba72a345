package org.reglament.audit;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.reglament.amendments.AmendmentPlanDecisions;
import org.reglament.amendments.AmendmentPlanRequest;
import org.reglament.commission.CommissionDecisions;
import org.reglament.commission.CommissionRequest;
import org.reglament.completeness.CompletenessDecisions;
import org.reglament.completeness.CompletenessRequest;
import org.reglament.deadlines.DeadlineDecisions;
import org.reglament.deadlines.DeadlineRequest;
import org.reglament.deadlines.PeriodRequest;
import org.reglament.deadlines.TimelineDecisions;
import org.reglament.deadlines.TimelineRequest;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheckRequest;
import org.reglament.plan.PlanDecisions;
import org.reglament.plan.PlanRequests;
import org.reglament.registry.RegistryMode;
import org.springframework.stereotype.Component;

/** Every decision Reglament gives, by the name its envelope carries: what its request is and who answers it. */
@Component
public class DecisionCatalog {

    /** One decision: the request type its receipts store, and the service that answers it. */
    public record Decision<R>(Class<R> requestType, Function<R, DecisionEnvelope<?>> answer) {

        public DecisionEnvelope<?> decide(Object request) {
            return answer.apply(requestType.cast(request));
        }
    }

    private final Map<String, Decision<?>> decisions;

    public DecisionCatalog(ActionMatrixDecisions matrix, DeadlineDecisions deadlines, TimelineDecisions timelines,
                           PlanDecisions plan, CommissionDecisions commission, CompletenessDecisions completeness,
                           AmendmentPlanDecisions amendments) {
        decisions = Map.ofEntries(
                Map.entry(ActionMatrixDecisions.DERIVE, new Decision<>(ActionMatrixRequest.class, matrix::derive)),
                Map.entry(ActionMatrixDecisions.CHECK, new Decision<>(MatrixCheckRequest.class, matrix::check)),
                Map.entry(DeadlineDecisions.PERIOD, new Decision<>(PeriodRequest.class, deadlines::period)),
                Map.entry(DeadlineDecisions.DEADLINE, new Decision<>(DeadlineRequest.class, deadlines::deadline)),
                Map.entry(TimelineDecisions.TIMELINE, new Decision<>(TimelineRequest.class, timelines::timeline)),
                Map.entry(PlanDecisions.SHARE, new Decision<>(PlanRequests.ShareCheck.class, plan::share)),
                Map.entry(PlanDecisions.ERRORS, new Decision<>(PlanRequests.ErrorRateCheck.class, plan::errorRate)),
                Map.entry(PlanDecisions.STATUS, new Decision<>(PlanRequests.PlanStatusCheck.class, plan::status)),
                Map.entry(PlanDecisions.ENTRANTS, new Decision<>(PlanRequests.EntrantsRegistrationCheck.class,
                        plan::entrantsRegistration)),
                Map.entry(CommissionDecisions.DECISION, new Decision<>(CommissionRequest.class, commission::decide)),
                Map.entry(CompletenessDecisions.DECISION, new Decision<>(CompletenessRequest.class, completeness::check)),
                Map.entry(AmendmentPlanDecisions.DECISION, new Decision<>(AmendmentPlanRequest.class, amendments::check)));
    }

    /**
     * A registry batch: its receipt keeps the file's digest, not the file, so it is replayed with the file the auditor
     * brings (POST the file to the receipt's replay), never on its own.
     */
    public boolean replaysWithItsFile(String name) {
        return RegistryMode.ofDecision(name) != null;
    }

    public Decision<?> decision(String name) {
        Decision<?> decision = decisions.get(name);
        if (decision == null) {
            throw new IllegalArgumentException("no decision named " + name + "; decisions: " + decisions.keySet());
        }
        return decision;
    }

    public Set<String> names() {
        return decisions.keySet();
    }
}
