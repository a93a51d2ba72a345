package org.reglament.registry;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.reglament.api.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A registry file that cannot be read, as RFC 9457 problem details: 413 for what is too large, 415 for the wrong kind. */
public final class RegistryProblems {
    private RegistryProblems() {
    }

    public static HttpStatus status(RegistryFileException.Kind kind) {
        return switch (kind) {
            case TOO_LARGE, TOO_MANY_COLUMNS, ROW_TOO_LONG, TOO_MANY_ROWS, ZIP_BOMB -> HttpStatus.PAYLOAD_TOO_LARGE;
            case FORMAT_MISMATCH, UNSUPPORTED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    public static ProblemDetail problem(RegistryFileException e, String path) {
        // A message that names its place already (for the command line, which prints the message alone) is not
        // prefixed with it again («line 1: line 1 is not JSON»).
        String detail = e.getMessage().startsWith(e.where()) ? e.getMessage() : e.where() + ": " + e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e.kind()), detail);
        problem.setType(URI.create("/problems/registry-file"));
        problem.setTitle("The registry file cannot be read as a registry");
        problem.setInstance(URI.create(path));
        problem.setProperty("field", e.where());
        problem.setProperty("problem", e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.setProperty("errors", List.of(new InputProblems.FieldProblem(e.where(), e.getMessage())));
        return problem;
    }
}
