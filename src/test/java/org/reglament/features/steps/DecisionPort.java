package org.reglament.features.steps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the feature files send their requests: straight to the engine, or to the HTTP endpoint of a
 * started server. Both answer in the same JSON, so one set of steps checks both.
 */
public interface DecisionPort {

    /** The HTTP status (200, or the 4xx a refusal would have) and the JSON body. */
    record Answer(int status, JsonNode body) {
    }

    Answer deriveActionMatrix(JsonNode request);

    Answer checkActionMatrix(JsonNode request);
}
