package org.reglament.api;

import org.reglament.log.ReceiptTexts;
import org.reglament.log.DecisionLog;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.UnanswerableException;
import org.reglament.knowledgebase.NoEditionInForceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every input the service cannot decide on into RFC 9457 problem details that name the
 * field and the reason. A field is named by its JSON path ({@code service.applicationsPerYear},
 * {@code proposal.cells[3]}); {@code errors} lists every field at fault.
 */
@RestControllerAdvice
public class InputProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);
    private static final String DECISIONS_PATH = "/api/v1/decisions/";

    private final DecisionMetrics metrics;

    public InputProblems(DecisionMetrics metrics) {
        this.metrics = metrics;
    }

    /** One field at fault and why. */
    public record FieldProblem(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(jsonPath(error), error.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        return invalid(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, RequestBodyLimit.BodyTooLargeException.class)) {
            rejected(request);
            return RequestBodyLimit.tooLarge(((ServletWebRequest) request).getRequest().getRequestURI());
        }
        return invalid(List.of(unreadable(jacksonCause(ex))), request);
    }

    @ExceptionHandler(NoEditionInForceException.class)
    public ResponseEntity<Object> refuse(NoEditionInForceException ex, WebRequest request) {
        return ResponseEntity.unprocessableEntity().body(noEditionInForce(ex));
    }

    /** 422: the request is well formed, but no encoded edition of the act answers for its date. */
    public static ProblemDetail noEditionInForce(NoEditionInForceException ex) {
        // The act is named: a decision may rest on several acts (its own and the period rules of its jurisdiction).
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "asOf " + ex.asOf() + ": " + ex.act().shortTitle() + " — " + ex.reason());
        problem.setType(URI.create("/problems/no-edition-in-force"));
        problem.setTitle("No encoded edition of the act was in force on that date");
        problem.setProperty("field", "asOf");
        problem.setProperty("act", ex.act().id());
        problem.setProperty("editions", ex.act().editions().stream()
                .map(e -> Map.of("edition", e.edition(), "inForceFrom", e.inForceFrom().toString(),
                        "inForceUntil", e.inForceUntil() == null ? "" : e.inForceUntil().toString(),
                        "encoded", e.encoded()))
                .toList());
        problem.setProperty("errors", List.of(new FieldProblem("asOf", ex.reason())));
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<Object> invalidRequest(InvalidRequestException ex, WebRequest request) {
        rejected(request);
        return ResponseEntity.badRequest().body(invalidRequest(ex));
    }

    /** 400 for a request the decision itself refused, naming the rule that refused it, if a rule did. */
    public static ProblemDetail invalidRequest(InvalidRequestException ex) {
        ProblemDetail problem = invalidRequest(List.of(new FieldProblem(ex.field(), ex.reason())));
        if (ex.rule() != null) {
            problem.setProperty("rule", ex.rule());
        }
        return problem;
    }

    @ExceptionHandler(UnanswerableException.class)
    public ResponseEntity<Object> unanswerable(UnanswerableException ex, WebRequest request) {
        return ResponseEntity.unprocessableEntity().body(unanswerable(ex));
    }

    /** 422: the request is valid, but the knowledge base has nothing to answer it with. */
    public static ProblemDetail unanswerable(UnanswerableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                ex.field() + ": " + ex.getMessage());
        problem.setType(URI.create("/problems/not-covered"));
        problem.setTitle("The knowledge base does not cover this request");
        problem.setProperty("field", ex.field());
        problem.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        if (ex.rule() != null) {
            problem.setProperty("rule", ex.rule());
        }
        return problem;
    }

    /** The database did not catch up with the journal in time: an audit read would miss receipts, so it waits for a retry. */
    @ExceptionHandler(org.reglament.log.DecisionLog.LogBehindException.class)
    public ResponseEntity<Object> logBehind(RuntimeException ex, WebRequest request) {
        log.error("Audit read withheld: {}", ex.getMessage());
        return retryLater("/problems/log-catching-up",
                "the decision log's database is behind its journal, so this read would miss receipts; ask again");
    }

    /** The receipt could not be made durable: the answer is withheld, so nothing answered goes unrecorded. */
    @ExceptionHandler(org.reglament.log.DecisionLog.LogUnavailableException.class)
    public ResponseEntity<Object> logUnavailable(RuntimeException ex, WebRequest request) {
        log.error("Decision withheld: {}", ex.getMessage());
        return retryLater("/problems/log-unavailable", "the decision could not be recorded, so it is not given; ask again");
    }

    private static ResponseEntity<Object> retryLater(String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(URI.create(type));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").body(problem);
    }

    /** 409: the receipt asked for is in the log, but damaged behind the log's back; the verification locates it. */
    @ExceptionHandler(org.reglament.log.ReceiptTexts.Unreadable.class)
    public ResponseEntity<Object> receiptUnreadable(RuntimeException ex, WebRequest request) {
        log.error("A receipt does not read: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                ex.getMessage() + "; GET /api/v1/audit/verify reports the first damaged receipt");
        problem.setType(URI.create("/problems/receipt-unreadable"));
        problem.setTitle("A receipt in the decision log no longer reads");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    public void accessDenied(org.springframework.security.access.AccessDeniedException ex) {
        throw ex; // answered by the security configuration's 401/403 problem details
    }

    /** A defect of the service, not of the request: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception ex, WebRequest request) throws Exception {
        if (ex instanceof org.springframework.web.ErrorResponse) {
            throw ex;
        }
        log.error("Unexpected failure answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to answer; the failure is logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    private ResponseEntity<Object> invalid(List<FieldProblem> problems, WebRequest request) {
        rejected(request);
        return ResponseEntity.badRequest().body(invalidRequest(problems));
    }

    /** 400: the fields at fault and why. */
    public static ProblemDetail invalidRequest(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        problem.setType(URI.create("/problems/invalid-request"));
        problem.setTitle("The request cannot be decided as sent");
        problem.setProperty("field", problems.get(0).field());
        problem.setProperty("errors", problems);
        return problem;
    }

    private void rejected(WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            HttpServletRequest http = servlet.getRequest();
            String path = http.getRequestURI();
            if (path.startsWith(DECISIONS_PATH)) {
                metrics.count(path.substring(DECISIONS_PATH.length()).replace('/', '-'), DecisionMetrics.REJECTED);
            }
        }
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "unknown field; expected one of " + unknown.getKnownPropertyIds());
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldProblem(path(format), "\"" + format.getValue() + "\" is not one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldProblem(path(format), "\"" + format.getValue() + "\" is not a valid "
                    + describe(format.getTargetType())
                    + (format.getCause() == null ? "" : ": " + format.getCause().getMessage()));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                || cause instanceof JsonMappingException) {
            JsonMappingException mapping = (JsonMappingException) cause;
            if (mapping.getPath().isEmpty()) {
                return new FieldProblem("(body)", "expected a JSON object");
            }
            if (mapping.getCause() != null && !(mapping instanceof MismatchedInputException)) {
                // e.g. a DateTimeParseException for 2018-13-01: its message says what is wrong with the value.
                return new FieldProblem(path(mapping), mapping.getCause().getMessage());
            }
            if (mapping instanceof MismatchedInputException mismatch) {
                return new FieldProblem(path(mismatch), "expected " + describe(mismatch.getTargetType()));
            }
            return new FieldProblem(path(mapping), mapping.getOriginalMessage());
        }
        if (cause instanceof JsonProcessingException json) {
            var at = json.getLocation();
            return new FieldProblem("(body)", "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + json.getOriginalMessage());
        }
        return new FieldProblem("(body)", "the body is missing or is not a JSON object");
    }

    /** The outermost Jackson exception: it knows the JSON path; its own causes (date parsing) only the value. */
    private static Throwable jacksonCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return t;
            }
        }
        return e;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "array";
        }
        return "JSON object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }

    private static String jsonPath(FieldError error) {
        return error.getField().replaceAll("\\[(\\d+)]", "[$1]");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
