package org.reglament.features.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.spring.CucumberContextConfiguration;
import org.reglament.api.InputProblems;
import org.reglament.features.steps.DecisionPort;
import org.reglament.knowledgebase.NoEditionInForceException;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheckRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@CucumberContextConfiguration
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
public class EngineFeaturesConfiguration {

    @TestConfiguration
    static class Port {
        @Bean
        DecisionPort engineDecisionPort(ActionMatrixDecisions decisions, ObjectMapper json) {
            return new DecisionPort() {
                @Override
                public Answer deriveActionMatrix(JsonNode request) {
                    return answer(() -> decisions.derive(read(request, ActionMatrixRequest.class)));
                }

                @Override
                public Answer checkActionMatrix(JsonNode request) {
                    return answer(() -> decisions.check(read(request, MatrixCheckRequest.class)));
                }

                private Answer answer(java.util.function.Supplier<Object> decision) {
                    try {
                        return new Answer(200, json.valueToTree(decision.get()));
                    } catch (NoEditionInForceException refused) {
                        return new Answer(422, json.valueToTree(InputProblems.noEditionInForce(refused)));
                    }
                }

                private <T> T read(JsonNode request, Class<T> type) {
                    try {
                        return json.treeToValue(request, type);
                    } catch (JsonProcessingException e) {
                        throw new AssertionError("the scenario built a request the service cannot read", e);
                    }
                }
            };
        }
    }
}
