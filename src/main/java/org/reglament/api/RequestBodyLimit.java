package org.reglament.api;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.reglament.registry.RegistryFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code reglament.api.max-body-bytes} with 413 problem details:
 * at once when Content-Length says so, and while reading when the body is sent without a length. A JSON body is
 * checked to be UTF-8 as it is read ({@link Utf8Body}). A registry file (CSV, XLSX, JSON Lines, or a multipart upload
 * of one) has a limit of its own, {@code reglament.registry.max-body-bytes}.
 */
@Component
public class RequestBodyLimit extends OncePerRequestFilter {
    private final long maxBytes;
    private final long maxFileBytes;
    private final ObjectMapper json;

    public RequestBodyLimit(@Value("${reglament.api.max-body-bytes}") long maxBytes,
                            @Value("${reglament.registry.max-body-bytes}") long maxFileBytes, ObjectMapper json) {
        this.maxBytes = maxBytes;
        this.maxFileBytes = maxFileBytes;
        this.json = json;
    }

    /** Thrown by the body stream once more than the limit has been read. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    public static ResponseEntity<Object> tooLarge(String path) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(path, -1));
    }

    private static ProblemDetail problem(String path, long limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "(body): the request body is larger than the service accepts"
                        + (limit > 0 ? " (" + limit + " bytes)" : ""));
        problem.setType(URI.create("/problems/body-too-large"));
        problem.setTitle("Request body too large");
        problem.setInstance(URI.create(path));
        problem.setProperty("field", "(body)");
        problem.setProperty("errors", java.util.List.of(new InputProblems.FieldProblem("(body)",
                "larger than the service accepts")));
        return problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isFile(request.getContentType()) ? maxFileBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), problem(request.getRequestURI(), limit));
            return;
        }
        boolean jsonBody = json(request);
        String refused = unreadableEncoding(request, jsonBody);
        if (refused != null) {
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), unsupported(request.getRequestURI(), refused));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, jsonBody ? new Utf8Body() : null), response);
    }

    /**
     * Why the body would be read as something other than what was sent, or null: a compressed body (the service reads
     * bodies as sent, and would otherwise decide on the compressed bytes), or a JSON body declared in a charset other
     * than UTF-8 (RFC 8259 §8.1), which the converter would decode by that charset into other text than the bytes say.
     */
    private static String unreadableEncoding(HttpServletRequest request, boolean jsonBody) {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            return "Content-Encoding: the service reads a request body as sent, not " + RequestValues.quoted(encoding);
        }
        if (jsonBody) {
            MediaType type = MediaType.parseMediaType(request.getContentType());
            String charset = type.getParameter("charset");
            if (!RequestValues.utf8(charset)) {
                return "Content-Type: a JSON body is UTF-8 (RFC 8259), not " + RequestValues.quoted(charset);
            }
        }
        return null;
    }

    private static ProblemDetail unsupported(String path, String reason) {
        return InputProblems.headerProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "/problems/unsupported-encoding",
                "The body is not sent in a form the service reads", path, reason.substring(0, reason.indexOf(':')),
                reason.substring(reason.indexOf(':') + 2));
    }

    private static boolean json(HttpServletRequest request) {
        try {
            MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false; // not a media type, or an unknown charset: the endpoint answers it (415, or 400 naming it)
        }
    }

    /** A registry file, sent as it is or in a multipart form. */
    private static boolean isFile(String contentType) {
        return contentType != null && (RegistryFormat.ofMediaType(contentType).isPresent()
                || contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final Utf8Body utf8;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit, Utf8Body utf8) {
            super(request);
            this.limit = limit;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream body = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                            check(new byte[] {(byte) b}, 0, 1);
                        } else {
                            ended();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                            check(buffer, offset, n);
                        } else if (n < 0) {
                            ended();
                        }
                        return n;
                    }

                    private void check(byte[] buffer, int offset, int n) throws IOException {
                        if (utf8 != null) {
                            utf8.accept(buffer, offset, n);
                        }
                    }

                    private void ended() throws IOException {
                        if (utf8 != null) {
                            utf8.end();
                        }
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
