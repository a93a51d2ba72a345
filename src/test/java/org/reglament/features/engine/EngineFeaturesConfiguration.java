package org.reglament.features.engine;

import java.util.Comparator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.spring.CucumberContextConfiguration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.reglament.api.InputProblems;
import org.reglament.audit.DecisionCatalog;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.UnanswerableException;
import org.reglament.features.steps.DecisionPort;
import org.reglament.features.steps.Scenario;
import org.reglament.knowledgebase.NoEditionInForceException;
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
        DecisionPort engineDecisionPort(DecisionCatalog catalog, ObjectMapper json, Validator validator) {
            return (path, request) -> {
                // A decision's path under /api/v1/decisions/ is its name with "/" for "-" (action-matrix/check).
                DecisionCatalog.Decision<?> decision = catalog.decision(path.replace('/', '-'));
                try {
                    Object asked = read(json, validator, request, decision.requestType());
                    return new DecisionPort.Answer(200, json.valueToTree(decision.decide(asked)));
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
