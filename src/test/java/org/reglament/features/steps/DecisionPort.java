package org.reglament.features.steps;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the feature files send their requests: straight to the decision services, or to the HTTP
 * endpoint of a started server. Both answer in the same JSON, so one set of steps checks both.
 */
public interface DecisionPort {

    /** The HTTP status (200, or the 4xx a refusal has) and the JSON body. */
    record Answer(int status, JsonNode body) {
    }

    /** A registry file's answer: 200 and the file, or a 4xx and its problem details (UTF-8 JSON). */
    record FileAnswer(int status, byte[] body) {
    }

    /**
     * Asks for a decision by its name, which is also its path under /api/v1/decisions/
     * ("action-matrix", "action-matrix/check", "period", "deadline", "timeline", "e-services-share", …).
     */
    Answer decide(String decision, JsonNode request);

    /** A registry file (CSV) through POST /api/v1/registries/action-matrix?mode=…&asOf=…, answered as CSV. */
    FileAnswer registry(String mode, String asOf, byte[] csv);

    /**
     * An auditor's call to the service's audit API (path under /api/v1/audit). Only a started server has one:
     * the features that use it are tagged @api and run against HTTP.
     */
    default Answer audit(String method, String path, JsonNode body) {
        throw new UnsupportedOperationException("the audit API runs against a started server (@api features)");
    }

    /** A KB_PROPOSER's proposal of a candidate knowledge base (POST /api/v1/audit/knowledge-bases). */
    default Answer propose(JsonNode candidate) {
        throw new UnsupportedOperationException("candidates are proposed to a started server (@api features)");
    }
}
