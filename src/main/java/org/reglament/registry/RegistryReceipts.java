package org.reglament.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reglament.log.CanonicalJson;
import org.reglament.log.DecisionLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A batch is one receipt in the decision log: what was asked (the file's SHA-256, format and sheet, the mode and the
 * date) and what was answered (the knowledge-base version and edition, how many rows, how they came out, and the
 * SHA-256 over every row's answer). With the same file an auditor replays the batch and gets an account per row.
 */
@Component
public class RegistryReceipts {
    private final DecisionLog log;
    private final CanonicalJson json;
    private final boolean enabled;

    public RegistryReceipts(DecisionLog log, CanonicalJson json, @Value("${reglament.audit.log.enabled}") boolean enabled) {
        this.log = log;
        this.json = json;
        this.enabled = enabled;
    }

    /** The request a batch's receipt keeps. */
    /** The readings are recorded only when the batch chose one, so a batch under the defaults records what it did before. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record BatchRequest(String mode, String asOf, FileRecorded file, String mfcOnlyBooking, String otherCasesDecidedBy) {
    }

    /** The file as the receipt identifies it: never its content, which the auditor brings to a replay. */
    record FileRecorded(String sha256, String format, String sheet) {
    }

    /**
     * Records the batch once its answer is complete and before any of it is sent.
     *
     * @return the receipt's digest, or null when the log is off
     * @throws DecisionLog.LogUnavailableException when it cannot be recorded: the answer must not be given
     */
    String record(BatchSummary summary, RegistryFormat format, String caller) {
        if (!enabled) {
            return null;
        }
        BatchRequest request = new BatchRequest(summary.mode().code(), summary.asOf().toString(),
                new FileRecorded(summary.fileDigest(), format.extension(), summary.sheet()),
                summary.mfcOnlyBooking() == null ? null : summary.mfcOnlyBooking().code(),
                summary.otherCasesDecidedBy() == null ? null : summary.otherCasesDecidedBy().code());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("services", summary.services());
        result.put("decided", summary.decided());
        result.put("withErrors", summary.withErrors());
        if (summary.mode() == RegistryMode.CHECK) {
            result.put("compliant", summary.compliant());
            result.put("nonCompliant", summary.nonCompliant());
            result.put("toWorkingGroup", summary.toWorkingGroup());
            result.put("breachesByRule", summary.breachesByRule());
        }
        result.put("answersDigest", summary.answersDigest());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decisionId", summary.decisionId());
        answer.put("decision", summary.mode().decision());
        answer.put("asOf", summary.asOf().toString());
        answer.put("actId", summary.actId());
        answer.put("edition", summary.edition());
        answer.put("knowledgeBaseVersion", summary.knowledgeBaseVersion());
        answer.put("result", result);
        return log.append(new DecisionLog.Draft(summary.decisionId(), summary.mode().decision(), null, summary.asOf(),
                summary.actId(), summary.edition(), summary.knowledgeBaseVersion(), caller, json.write(request),
                json.writeBytes(answer))).digest();
    }
}
