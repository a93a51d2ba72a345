package org.reglament.api;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (what answers when a filter or the container itself refuses a request, or an
 * exception escapes everything else), in place of Spring Boot's: problem details with the status, never a page, the
 * exception or its message. Asked for directly, {@code /error} is a path like any other without an endpoint: 404.
 */
@RestController
public class ErrorAnswers implements ErrorController {
    /** What a request refused before any endpoint saw it did wrong, as far as the refusal tells. */
    static final String REFUSED = "the request's path, method or headers are not accepted (a path must be normalized: "
            + "no \"..\", \"//\", \";\", encoded slashes or control characters)";

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status)) {
            return answer(HttpStatus.NOT_FOUND, InputProblems.notFound(request.getRequestURI()));
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        if (resolved == null || status < 400) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (resolved == HttpStatus.NOT_FOUND) {
            return answer(resolved, InputProblems.notFound(String.valueOf(path)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(resolved, resolved.is5xxServerError()
                ? "The service failed to answer; the failure is logged."
                : "(request): " + REFUSED);
        problem.setType(URI.create(resolved.is5xxServerError() ? "about:blank" : "/problems/refused"));
        if (!resolved.is5xxServerError()) {
            problem.setProperty("field", "(request)");
            problem.setProperty("errors", java.util.List.of(new InputProblems.FieldProblem("(request)", REFUSED)));
        }
        if (path != null) {
            problem.setInstance(URI.create(String.valueOf(path).replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return answer(resolved, problem);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
