package org.reglament.candidate;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The refusals of the candidate machinery, as RFC 9457 problem details. They are {@link ErrorResponseException}s,
 * which the API's exception handler renders as they are (status, type, title, properties, headers).
 */
final class CandidateProblems {
    private CandidateProblems() {
    }

    /** What ended a candidate's worker, as the problem's {@code reason}. */
    enum Reason {
        TIME_LIMIT("time-limit"),
        CPU_TIME("cpu-time"),
        MEMORY("memory"),
        EXITED("exited"),
        KILLED("killed"),
        RULE_FAILED("rule-failed"),
        DOES_NOT_COMPILE("does-not-compile"),
        ANSWER_TOO_LARGE("answer-too-large"),
        UNREADABLE_ANSWER("unreadable-answer");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** 422: the candidate's own code ended its worker (or failed in it); the service is unaffected. */
    static final class CandidateFailed extends ErrorResponseException {
        private final Reason reason;

        CandidateFailed(Reason reason, String detail, String version, String decisionId) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, problem(reason, detail, version, decisionId), null);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }

        /** Names the candidate, and the receipt being replayed when it failed (if one was). */
        CandidateFailed of(String version, String decisionId) {
            getBody().setProperty("version", version);
            if (decisionId != null) {
                getBody().setProperty("decisionId", decisionId);
            }
            return this;
        }

        private static ProblemDetail problem(Reason reason, String detail, String version, String decisionId) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
            problem.setType(URI.create("/problems/candidate-failed"));
            problem.setTitle("The candidate knowledge base failed in its confined worker");
            problem.setProperty("reason", reason.code);
            if (version != null) {
                problem.setProperty("version", version);
            }
            if (decisionId != null) {
                problem.setProperty("decisionId", decisionId);
            }
            return problem;
        }
    }

    /** 503: candidates cannot be run confined here, so they are not run at all. */
    static ErrorResponseException unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create("/problems/candidates-unavailable"));
        problem.setTitle("Candidate knowledge bases cannot be run confined on this server");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
    }

    /** 503 with Retry-After: every worker slot is taken. */
    static ErrorResponseException busy(int workers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "all " + workers + " candidate workers are busy; ask again");
        problem.setType(URI.create("/problems/candidate-workers-busy"));
        problem.setTitle("No candidate worker is free");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** 409: keeping one more candidate would exceed the quota. */
    static ErrorResponseException quota(String detail, int kept, int maxKept, long bytes, long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                detail + "; DELETE /api/v1/audit/knowledge-bases/{version} removes a candidate");
        problem.setType(URI.create("/problems/candidate-quota"));
        problem.setTitle("The candidates' quota is full");
        problem.setProperty("kept", kept);
        problem.setProperty("maxKept", maxKept);
        problem.setProperty("bytes", bytes);
        problem.setProperty("maxBytes", maxBytes);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
