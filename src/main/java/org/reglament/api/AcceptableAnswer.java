package org.reglament.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any endpoint runs, an {@code Accept} that no answer of the service can satisfy, with a 406 problem
 * naming the header: one that cannot be read as media types, one that accepts only charsets other than UTF-8 (every
 * answer is UTF-8: a JSON writer asked for UTF-16 failed with a 500, and one asked for US-ASCII labelled UTF-8 text
 * as ASCII), and one whose every range has {@code q=0} (RFC 9110 §12.4.2: not acceptable). Which types an endpoint
 * answers in is its own to say (InputProblems, for the 406 Spring finds).
 */
@Component
public class AcceptableAnswer extends OncePerRequestFilter {
    /** The request attribute holding the Accept lines as sent where the endpoint is given fewer of its ranges. */
    static final String SENT = AcceptableAnswer.class.getName() + ".sent";

    private final ObjectMapper json;
    private final org.reglament.decision.DecisionMetrics metrics;

    public AcceptableAnswer(ObjectMapper json, org.reglament.decision.DecisionMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Every Accept line, as one list (RFC 9110 §5.3: the same as one line with the values joined by commas).
        java.util.Enumeration<String> sent = request.getHeaders(HttpHeaders.ACCEPT);
        if (sent == null || !sent.hasMoreElements()) {
            chain.doFilter(request, response); // no Accept: any answer will do
            return;
        }
        List<String> lines = java.util.Collections.list(sent);
        String accept = lines.isEmpty() ? null : String.join(", ", lines);
        String refused = accept == null || accept.isBlank() ? null : unanswerable(accept);
        if (refused == null) {
            // A range in another charset beside one the service can answer («…;charset=utf-16, application/*»): the
            // endpoint chooses among the others, as if it were not there (the writer would pick it and fail).
            String answerable = accept == null || !accept.toLowerCase(Locale.ROOT).contains("charset") ? accept
                    : answerable(accept);
            if (answerable == null || answerable.equals(accept) && lines.size() == 1) {
                chain.doFilter(request, response);
            } else {
                request.setAttribute(SENT, accept); // a refusal quotes what the client sent, not what is left of it
                chain.doFilter(new Accepting(request, answerable), response);
            }
            return;
        }
        metrics.rejected(request.getRequestURI()); // as InputProblems counts every 4xx of a decision endpoint
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(request.getRequestURI(), refused));
    }

    /** Why no answer satisfies {@code accept}, or null where one may (the endpoint then chooses among its types). */
    static String unanswerable(String accept) {
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) { // InvalidMediaTypeException among them
            return RequestValues.quoted(accept) + " cannot be read as media types";
        }
        if (ranges.isEmpty()) {
            return null; // «,» alone: no range at all, as an empty Accept (any answer will do)
        }
        boolean charsetRefused = false;
        for (MediaType range : ranges) {
            charsetRefused |= !utf8(range);
            if (utf8(range) && range.getQualityValue() > 0) {
                return null;
            }
        }
        return RequestValues.quoted(accept) + (charsetRefused
                ? " accepts only charsets the service does not answer in: every answer is UTF-8"
                : " accepts nothing: a range with q=0 refuses its type");
    }

    /** The ranges of a readable {@code accept} the service can answer in: those in UTF-8 or with no charset. */
    private static String answerable(String accept) {
        List<String> kept = new java.util.ArrayList<>();
        for (MediaType range : MediaType.parseMediaTypes(accept)) {
            if (utf8(range)) {
                kept.add(range.toString());
            }
        }
        return String.join(", ", kept);
    }

    /** No charset, or UTF-8 by any of its names (utf8, UTF-8, "utf-8"). */
    private static boolean utf8(MediaType range) {
        String charset = range.getParameter("charset");
        if (charset == null) {
            return true;
        }
        try {
            return java.nio.charset.Charset.forName(charset.replace("\"", "").trim())
                    .equals(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) { // an unknown or illegal charset name
            return false;
        }
    }

    /** The request with the Accept header the endpoint is to answer. */
    private static final class Accepting extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final String accept;

        Accepting(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? java.util.Collections.enumeration(List.of(accept))
                    : super.getHeaders(name);
        }
    }

    static ProblemDetail problem(String path, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "Accept: " + reason);
        problem.setType(URI.create("/problems/not-acceptable"));
        problem.setTitle("No answer of a type the request accepts");
        problem.setInstance(URI.create(path));
        problem.setProperty("field", "Accept");
        problem.setProperty("errors", List.of(new InputProblems.FieldProblem("Accept", reason)));
        return problem;
    }
}
