package org.reglament.candidate;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.reglament.audit.KnowledgeBaseDiff;

/**
 * What the service and a candidate's worker say to each other: one JSON object per line, the service on the worker's
 * stdin, the worker on its stdout (everything else the worker or its candidate prints goes to stderr).
 * <ol>
 * <li>service: a {@link Job} — the candidate's files, and the files of the version its changes are counted from</li>
 * <li>worker: {@code compiled} (version, changes) or {@code refused} (why it does not compile), or {@code failed}</li>
 * <li>service, any number of times: a {@link Decide} — a receipt's decision and canonical request</li>
 * <li>worker, to each: {@code answered} (the answer's canonical JSON, or the decision's refusal), or {@code failed}
 * (a rule failed, memory ran out), after which it exits</li>
 * <li>the service closes stdin; the worker exits.</li>
 * </ol>
 * A worker that ends without its reply, or overruns a limit, is classified by the service ({@link CandidateSession}).
 */
final class WorkerProtocol {
    static final String COMPILED = "compiled";
    static final String REFUSED = "refused";
    static final String ANSWERED = "answered";
    static final String FAILED = "failed";

    private WorkerProtocol() {
    }

    /** Files as bytes (base64 in JSON): a knowledge base's version is the hash of its exact bytes. */
    record Job(Map<String, byte[]> candidate, Map<String, byte[]> comparedWith) {
    }

    record Decide(String decision, String request) {
    }

    /**
     * @param kind    compiled | refused | answered | failed
     * @param reason  for failed: a {@link CandidateProblems.Reason} code
     * @param detail  for refused and failed: what happened, in words
     * @param answer  for answered: the answer's canonical JSON (absent when the decision refused)
     * @param refusal for answered: why the decision refused the request
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reply(String kind, String version, KnowledgeBaseDiff.Changes changes, String answer, String refusal,
                 String reason, String detail) {

        static Reply compiled(String version, KnowledgeBaseDiff.Changes changes) {
            return new Reply(COMPILED, version, changes, null, null, null, null);
        }

        static Reply refused(String detail) {
            return new Reply(REFUSED, null, null, null, null, null, detail);
        }

        static Reply answered(String answer, String refusal) {
            return new Reply(ANSWERED, null, null, answer, refusal, null, null);
        }

        static Reply failed(CandidateProblems.Reason reason, String detail) {
            return new Reply(FAILED, null, null, null, null, reason.code, detail);
        }
    }

    /** The same build speaks both ends, so the protocol is read strictly. */
    static ObjectMapper mapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
