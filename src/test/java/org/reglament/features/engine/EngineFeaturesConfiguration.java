package org.reglament.features.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.spring.CucumberContextConfiguration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.reglament.api.InputProblems;
import org.reglament.commission.CommissionDecisions;
import org.reglament.commission.CommissionRequest;
import org.reglament.completeness.CompletenessDecisions;
import org.reglament.completeness.CompletenessRequest;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.UnanswerableException;
import org.reglament.deadlines.DeadlineDecisions;
import org.reglament.deadlines.DeadlineRequest;
import org.reglament.deadlines.PeriodRequest;
import org.reglament.deadlines.TimelineDecisions;
import org.reglament.deadlines.TimelineRequest;
import org.reglament.features.steps.DecisionPort;
import org.reglament.features.steps.Scenario;
import org.reglament.knowledgebase.NoEditionInForceException;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheckRequest;
import org.reglament.plan.PlanDecisions;
import org.reglament.plan.PlanRequests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The features against the decision services themselves, with the same validation and the same
 * problem details the HTTP layer gives, so that both suites read the same answers.
 */
@CucumberContextConfiguration
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(Scenario.class)
public class EngineFeaturesConfiguration {

    @TestConfiguration
    static class Port {
        @Bean
        DecisionPort engineDecisionPort(ActionMatrixDecisions matrix, DeadlineDecisions deadlines,
                                        TimelineDecisions timelines, PlanDecisions plan, CommissionDecisions commission,
                                        CompletenessDecisions completeness, ObjectMapper json,
                                        Validator validator) {
            Map<String, Function<JsonNode, Object>> decisions = Map.of(
                    "action-matrix", request -> matrix.derive(read(json, validator, request, ActionMatrixRequest.class)),
                    "action-matrix/check", request -> matrix.check(read(json, validator, request, MatrixCheckRequest.class)),
                    "period", request -> deadlines.period(read(json, validator, request, PeriodRequest.class)),
                    "deadline", request -> deadlines.deadline(read(json, validator, request, DeadlineRequest.class)),
                    "timeline", request -> timelines.timeline(read(json, validator, request, TimelineRequest.class)),
                    "e-services-share", request -> plan.share(read(json, validator, request, PlanRequests.ShareCheck.class)),
                    "service-error-rate", request -> plan.errorRate(read(json, validator, request, PlanRequests.ErrorRateCheck.class)),
                    "plan-status", request -> plan.status(read(json, validator, request, PlanRequests.PlanStatusCheck.class)),
                    "commission-meeting", request -> commission.decide(read(json, validator, request, CommissionRequest.class)),
                    "completeness", request -> completeness.check(read(json, validator, request, CompletenessRequest.class)));
            return (decision, request) -> {
                Function<JsonNode, Object> service = decisions.get(decision);
                if (service == null) {
                    throw new AssertionError("no decision named " + decision);
                }
                try {
                    return new DecisionPort.Answer(200, json.valueToTree(service.apply(request)));
                } catch (NoEditionInForceException refused) {
                    return new DecisionPort.Answer(422, json.valueToTree(InputProblems.noEditionInForce(refused)));
                } catch (UnanswerableException refused) {
                    return new DecisionPort.Answer(422, json.valueToTree(InputProblems.unanswerable(refused)));
                } catch (InvalidRequestException invalid) {
                    return new DecisionPort.Answer(400, json.valueToTree(InputProblems.invalidRequest(invalid)));
                }
            };
        }

        private static <T> T read(ObjectMapper json, Validator validator, JsonNode request, Class<T> type) {
            T value;
            try {
                value = json.treeToValue(request, type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the scenario built a request the service cannot read", e);
            }
            var violations = validator.validate(value);
            if (!violations.isEmpty()) {
                ConstraintViolation<T> first = violations.stream()
                        .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
                throw new InvalidRequestException(first.getPropertyPath().toString(), first.getMessage());
            }
            return value;
        }
    }
}
