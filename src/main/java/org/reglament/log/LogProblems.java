package org.reglament.log;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The log's own refusals, as problem details (before the general handlers, which would call them failures). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LogProblems {

    /** 409: the receipt is newer than the latest checkpoint; one signed within the interval will hold it. */
    @ExceptionHandler(LogProofs.NotYetCheckpointed.class)
    public ResponseEntity<ProblemDetail> notYetCheckpointed(LogProofs.NotYetCheckpointed ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("/problems/not-yet-checkpointed"));
        problem.setTitle("No signed checkpoint holds this receipt yet");
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "1").body(problem);
    }

    /** 409: a leaf a proof needs is gone from the database; the verification reports it. */
    @ExceptionHandler(ReceiptRepository.MissingLeaf.class)
    public ResponseEntity<ProblemDetail> missingLeaf(ReceiptRepository.MissingLeaf ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                ex.getMessage() + ", so no proof can be made; GET /api/v1/audit/verify reports what is missing");
        problem.setType(URI.create("/problems/log-incomplete"));
        problem.setTitle("The log lacks a receipt this proof needs");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
