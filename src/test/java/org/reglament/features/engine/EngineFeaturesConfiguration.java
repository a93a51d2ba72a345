package org.reglament.features.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
import org.reglament.registry.Registries;
import org.reglament.registry.RegistryFileException;
import org.reglament.registry.RegistryFormat;
import org.reglament.registry.RegistryMode;
import org.reglament.registry.RegistryProblems;
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
        DecisionPort engineDecisionPort(DecisionCatalog catalog, Registries registries, ObjectMapper json,
                                        Validator validator) {
            return new DecisionPort() {
                @Override
                public Answer decide(String path, JsonNode request) {
                    // A decision's path under /api/v1/decisions/ is its name with "/" for "-" (action-matrix/check).
                    DecisionCatalog.Decision<?> decision = catalog.decision(path.replace('/', '-'));
                    try {
                        Object asked = read(json, validator, request, decision.requestType());
                        return new Answer(200, json.valueToTree(decision.decide(asked)));
                    } catch (NoEditionInForceException refused) {
                        return new Answer(422, json.valueToTree(InputProblems.noEditionInForce(refused)));
                    } catch (UnanswerableException refused) {
                        return new Answer(422, json.valueToTree(InputProblems.unanswerable(refused)));
                    } catch (InvalidRequestException invalid) {
                        return new Answer(400, json.valueToTree(InputProblems.invalidRequest(invalid)));
                    }
                }

                @Override
                public FileAnswer registry(String mode, String asOf, byte[] csv) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    try {
                        registries.run(new ByteArrayInputStream(csv), new Registries.Input(RegistryFormat.CSV, null, null),
                                new Registries.Job(RegistryMode.of(mode), LocalDate.parse(asOf), RegistryFormat.CSV, null),
                                out, done -> { });
                        return new FileAnswer(200, out.toByteArray());
                    } catch (RegistryFileException unreadable) {
                        return new FileAnswer(RegistryProblems.status(unreadable.kind()).value(),
                                bytes(json, RegistryProblems.problem(unreadable, "/api/v1/registries/action-matrix")));
                    } catch (NoEditionInForceException refused) {
                        return new FileAnswer(422, bytes(json, InputProblems.noEditionInForce(refused)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        private static byte[] bytes(ObjectMapper json, Object problem) {
            try {
                return json.writeValueAsBytes(problem);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
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
