package org.reglament.api;

import org.reglament.log.ReceiptTexts;
import org.reglament.log.DecisionLog;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
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
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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
        if (find(ex, RequestBodyLimit.BodyTooLargeException.class) != null) {
            rejected(request);
            return RequestBodyLimit.tooLarge(((ServletWebRequest) request).getRequest().getRequestURI());
        }
        return invalid(List.of(unreadable(ex)), request);
    }

    /**
     * 415 naming the header: what was sent (nothing, a type the endpoint does not read, or text that is no media type,
     * such as an unknown charset) and what the endpoint reads, instead of Spring's «Content-Type 'null' is not
     * supported».
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String sent = request instanceof ServletWebRequest servlet ? servlet.getRequest().getContentType() : null;
        String what = sent == null || sent.isBlank() ? "missing"
                : ex.getContentType() == null ? RequestValues.quoted(sent) + " cannot be read as a media type"
                : RequestValues.quoted(sent) + " is not a type this endpoint reads";
        String reads = ex.getSupportedMediaTypes().stream().map(Object::toString).distinct()
                .collect(Collectors.joining(", "));
        String reason = what + (reads.isEmpty() ? "" : "; it reads " + reads);
        rejected(request);
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(headerProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/problems/unsupported-media-type",
                "The body is not of a type this endpoint reads", ((ServletWebRequest) request).getRequest()
                        .getRequestURI(), HttpHeaders.CONTENT_TYPE, reason));
    }

    /**
     * A header refused (Accept, Content-Type, Content-Encoding): problem details naming it as the field, as every
     * refusal names its field; shared by the filters that refuse before any endpoint and by the handlers here.
     */
    static ProblemDetail headerProblem(HttpStatus status, String type, String title, String path, String header,
                                       String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, header + ": " + reason);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        problem.setInstance(URI.create(path));
        problem.setProperty("field", header);
        problem.setProperty("errors", List.of(new FieldProblem(header, reason)));
        return problem;
    }

    /**
     * 406 naming the header and what the endpoint answers in: an Accept that names none of its types. One that cannot
     * be read, or accepts nothing the service writes, is refused before any endpoint (AcceptableAnswer), whose
     * problem this is; quoted as the client sent it where that filter gave the endpoint fewer of its ranges.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            org.springframework.web.HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpServletRequest http = ((ServletWebRequest) request).getRequest();
        Object original = http.getAttribute(AcceptableAnswer.SENT);
        String sent = original != null ? original.toString() : http.getHeader(HttpHeaders.ACCEPT);
        String reason = RequestValues.quoted(String.valueOf(sent)) + " accepts no type this endpoint answers in; it answers "
                + ex.getSupportedMediaTypes().stream().map(Object::toString).distinct().collect(Collectors.joining(", "))
                + " (problems as application/problem+json)";
        rejected(request);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(AcceptableAnswer.problem(
                http.getRequestURI(), reason));
    }

    /** A query or path parameter that does not read as its type: a date, an instant, a whole number. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        RequestValues.Refused refused = null;
        for (Throwable t = ex; t != null && refused == null; t = t.getCause()) {
            refused = t instanceof RequestValues.Refused r ? r : null;
        }
        String reason = refused != null ? refused.getMessage()
                : RequestValues.quoted(String.valueOf(ex.getValue())) + " is not " + describe(ex.getRequiredType());
        return invalid(List.of(new FieldProblem(field == null ? "(query)" : field, reason)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldProblem(ex.getParameterName(), "required")), request);
    }

    /** Constraints on query parameters ({@code page}, {@code size}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        return invalid(problems.isEmpty() ? List.of(new FieldProblem("(query)", "invalid parameters")) : problems, request);
    }

    /** A path with no endpoint: problem details like every other answer, never a page. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(
                ((ServletWebRequest) request).getRequest().getRequestURI()));
    }

    /** 404: nothing answers at this path (GET /api/v1/knowledge-base and /v3/api-docs list what does). */
    public static ProblemDetail notFound(String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no endpoint at " + RequestValues.quoted(path) + "; /v3/api-docs lists the endpoints");
        problem.setType(URI.create("/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    /**
     * A multipart form that cannot be read (no boundary in its Content-Type, a body that ends before the closing
     * boundary): the request's fault, not the service's. A form too large is answered as any body too large.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    public ResponseEntity<Object> unreadableForm(org.springframework.web.multipart.MultipartException ex,
                                                 WebRequest request) {
        if (ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return RequestBodyLimit.tooLarge(((ServletWebRequest) request).getRequest().getRequestURI());
        }
        return invalid(List.of(new FieldProblem("(body)", "the multipart form cannot be read: its Content-Type names"
                + " no boundary, or the body ends before the closing boundary")), request);
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
        if (ex.interpretation() != null) {
            // As an answer names its readings (interpretations[]): the rule's text, the request parameter that chose
            // it and the alternative reading.
            problem.setProperty("interpretation", ex.interpretation());
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
        if (ex.interpretation() != null) {
            problem.setProperty("interpretation", ex.interpretation());
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
            metrics.rejected(http.getRequestURI());
        }
    }

    private static FieldProblem unreadable(HttpMessageNotReadableException ex) {
        // A fault of the JSON text itself (duplicate key, number out of range, nesting, syntax) is reported by the
        // reader, however deep the binding had got; the binder's own exceptions know the path and the expected type.
        Utf8Body.NotUtf8Exception notUtf8 = find(ex, Utf8Body.NotUtf8Exception.class);
        if (notUtf8 != null) {
            return new FieldProblem("(body)", notUtf8.reason());
        }
        if (find(ex, StreamConstraintsException.class) != null) {
            return new FieldProblem("(body)", "the JSON nests too deeply, or holds too long a number, string or name");
        }
        StreamReadException read = find(ex, StreamReadException.class);
        if (read != null) {
            return unreadable(read);
        }
        Throwable cause = jacksonCause(ex);
        if (!(cause instanceof JsonMappingException mapping)) {
            return new FieldProblem("(body)", "the body is missing or is not a JSON object");
        }
        if (find(ex, java.io.CharConversionException.class) != null) {
            return new FieldProblem(path(mapping), "the text is not valid UTF-8");
        }
        if (mapping instanceof StrictInput.RefusedValue refused) {
            return new FieldProblem(path(refused), refused.getOriginalMessage());
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "unknown field; expected one of " + unknown.getKnownPropertyIds());
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldProblem(path(format), RequestValues.quoted(String.valueOf(format.getValue())) + " is not one of "
                    + codes(format.getTargetType()));
        }
        if (mapping instanceof InvalidFormatException format) {
            return new FieldProblem(path(format), format.getValue() instanceof String text
                    ? RequestValues.quoted(text) + " is not " + describe(format.getTargetType())
                    : "expected " + describe(format.getTargetType()) + ", not " + format.getValue());
        }
        if (mapping instanceof ValueInstantiationException && mapping.getCause() instanceof IllegalArgumentException own
                && own.getStackTrace().length > 0 && own.getStackTrace()[0].getClassName().startsWith("org.reglament.")) {
            // The service's own refusal of a value (an enum's code, say): its message is written for the caller.
            return new FieldProblem(path(mapping), own.getMessage());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
            return new FieldProblem("(body)", "more JSON follows the request object");
        }
        if (mapping.getPath().isEmpty()) {
            return new FieldProblem("(body)", "expected a JSON object");
        }
        Class<?> type = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new FieldProblem(path(mapping), type == null ? "cannot be read as sent" : "expected " + describe(type));
    }

    private static FieldProblem unreadable(StreamReadException read) {
        if (read instanceof InputCoercionException) {
            return new FieldProblem(path(read), "the number is out of the range of a whole number");
        }
        if (String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field")) {
            // RFC 8259 leaves duplicate names to the reader: one request, one value per field, never the last one silently.
            return new FieldProblem(path(read), "the field is given more than once");
        }
        var at = read.getLocation();
        String message = String.valueOf(read.getOriginalMessage());
        // A number the reader cannot take is named by its field, like any other value.
        String field = message.startsWith("Invalid numeric value") || message.startsWith("Non-standard token")
                ? path(read) : "(body)";
        return new FieldProblem(field, "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                + ", column " + at.getColumnNr()) + syntax(read.getOriginalMessage()));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * What is wrong with the JSON text, in the service's words: the reader's own messages name its tokens, features
     * and classes, so they are recognised, not passed on; an error not recognised is told by its place alone.
     */
    public static String syntax(String message) {
        if (message == null) {
            return "";
        }
        for (String[] known : SYNTAX) {
            if (message.startsWith(known[0])) {
                return ": " + known[1];
            }
        }
        return "";
    }

    private static final String[][] SYNTAX = {
            {"Unexpected end-of-input", "the JSON text ends before it is complete"},
            {"Unrecognized token", "a word that is not a JSON value (values are strings in double quotes, numbers,"
                    + " true, false, null, objects and arrays)"},
            {"Non-standard token", "NaN and Infinity are not JSON numbers"},
            {"Invalid numeric value: Leading zeroes", "a JSON number has no leading zeros"},
            {"Invalid numeric value", "not a JSON number"},
            {"Unexpected character (''' (code 39))", "names and strings are in double quotes, not single"},
            {"Unexpected character", "a character that cannot stand there"},
            {"Illegal unquoted character", "a control character inside a string must be escaped"},
            {"Unrecognized character escape", "an escape JSON does not have"},
            {"Unexpected close marker", "a closing bracket or brace that closes nothing open"},
            {"Trailing token", "more JSON follows the value"},
            {"Duplicate field", "a name is given more than once in one object"},
            // A name that is half a surrogate pair has no UTF-8 form: no receipt could record it as sent.
            {"Broken surrogate pair", "a name holds half a surrogate pair (a \\ud800–\\udbff escape without its low"
                    + " half), which is no text"},
            {"Unexpected low surrogate", "a name holds half a surrogate pair (a \\udc00–\\udfff escape without its"
                    + " high half), which is no text"},
    };

    /** The JSON path where the reader stopped, from its own record of the objects and arrays it was in. */
    private static String path(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "(body)";
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.addFirst("." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.addFirst("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "(body)" : path.startsWith(".") ? path.substring(1) : path;
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

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (type == java.time.Instant.class) {
            return "an instant (YYYY-MM-DDThh:mm:ssZ)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + codes(type);
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    /** An enumeration's values as a request writes them: as Jackson writes them (their codes, else their names). */
    static String codes(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> ENUM_CODES.convertValue(constant, String.class))
                .collect(Collectors.joining(", "));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper ENUM_CODES =
            new com.fasterxml.jackson.databind.ObjectMapper();

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
}
