package org.reglament.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.spring.ScenarioScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The request a scenario builds and the answer it got, shared by the step classes of one scenario. */
@Component
@ScenarioScope
public class Scenario {
    @Autowired
    private DecisionPort decisions;

    private final ObjectNode request = JsonNodeFactory.instance.objectNode();
    private DecisionPort.Answer answer;

    public ObjectNode request() {
        return request;
    }

    public ObjectNode object(String field) {
        return request.has(field) ? (ObjectNode) request.get(field) : request.putObject(field);
    }

    public void decide(String decision) {
        answer = decisions.decide(decision, request);
    }

    public DecisionPort.Answer answer() {
        assertThat(answer).as("no decision was asked for").isNotNull();
        return answer;
    }

    /** The envelope of a 200 answer. */
    public JsonNode ok() {
        assertThat(answer().status()).as("status of %s", answer.body()).isEqualTo(200);
        assertThat(answer.body().path("knowledgeBaseVersion").asText()).startsWith("sha256:");
        return answer.body();
    }

    public JsonNode result() {
        return ok().path("result");
    }
}
