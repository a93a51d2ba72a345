package org.reglament.api;

import java.io.IOException;
import java.util.List;

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
 * answers in is its own to say (InputProblems, for the 406 Spring finds; RefusedTypes, for one whose types a range
 * refuses by {@code q=0} beside a wildcard that Spring would take).
 */
@Component
public class AcceptableAnswer extends OncePerRequestFilter {
    /** The request attribute holding the Accept lines as sent where the endpoint is given fewer of its ranges. */
    static final String SENT = AcceptableAnswer.class.getName() + ".sent";
    /**
     * The request attribute holding the answerable ranges when one of them refuses a type by {@code q=0} beside ranges
     * that accept: whether the endpoint's types are refused is for {@link RefusedTypes} to say once the endpoint is
     * known.
     */
    static final String REFUSING = AcceptableAnswer.class.getName() + ".refusing";

    /** A weight as RFC 9110 §12.4.2 writes one («qvalue»): Spring reads «q=1e-3», «q=.5» and, named «Q», «q=abc». */
    private static final java.util.regex.Pattern QVALUE = java.util.regex.Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

    private final ObjectMapper json;
    private final org.reglament.decision.DecisionMetrics metrics;

    public AcceptableAnswer(ObjectMapper json, org.reglament.decision.DecisionMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.util.Enumeration<String> sent = request.getHeaders(HttpHeaders.ACCEPT);
        if (sent == null || !sent.hasMoreElements()) {
            chain.doFilter(request, response); // no Accept: any answer will do
            return;
        }
        // Every Accept line, as one list (RFC 9110 §5.3: the same as one line with the values joined by commas).
        List<String> lines = java.util.Collections.list(sent);
        String accept = String.join(", ", lines);
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) { // InvalidMediaTypeException among them
            refuse(request, response, RequestValues.quoted(accept) + " cannot be read as media types");
            return;
        }
        for (MediaType range : ranges) {
            String weight = range.getParameter("q"); // the parameters' names are case-insensitive: «Q=…» too
            if (weight != null && !QVALUE.matcher(weight).matches()) {
                refuse(request, response, RequestValues.quoted(accept) + " has the weight «q=" + weight + "»: a weight "
                        + "is a number from 0 to 1 with at most three decimals (RFC 9110 §12.4.2)");
                return;
            }
        }
        List<MediaType> answerable = ranges.stream().filter(range -> RequestValues.utf8(range.getParameter("charset")))
                .toList();
        if (!ranges.isEmpty() && answerable.stream().noneMatch(range -> range.getQualityValue() > 0)) {
            refuse(request, response, RequestValues.quoted(accept) + (answerable.size() < ranges.size()
                    ? " accepts only charsets the service does not answer in: every answer is UTF-8"
                    : " accepts nothing: a range with q=0 refuses its type"));
            return;
        }
        if (AcceptRanges.refusesSome(answerable)) {
            request.setAttribute(REFUSING, answerable);
        }
        if (answerable.size() == ranges.size() && lines.size() == 1) {
            chain.doFilter(request, response);
            return;
        }
        // Several lines, or a range in another charset beside ones the service can answer («…;charset=utf-16,
        // application/*»): the endpoint is given one line of the answerable ranges (the writer would pick the other
        // charset and fail), and a refusal quotes what the client sent.
        request.setAttribute(SENT, accept);
        chain.doFilter(new Accepting(request, MediaType.toString(answerable)), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String reason) throws IOException {
        metrics.rejected(request.getRequestURI()); // as InputProblems counts every 4xx of a decision endpoint
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(request.getRequestURI(), reason));
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
        return InputProblems.headerProblem(HttpStatus.NOT_ACCEPTABLE, "/problems/not-acceptable",
                "No answer of a type the request accepts", path, HttpHeaders.ACCEPT, reason);
    }
}
