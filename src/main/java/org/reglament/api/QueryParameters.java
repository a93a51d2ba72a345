package org.reglament.api;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reglament.decision.InvalidRequestException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The query (and form) parameters of an API request are the ones its endpoint reads, each once. Spring binds the
 * first of two values of a date and joins two values of a text with a comma, and ignores a parameter no endpoint
 * reads: {@code ?asOf=2017-01-01&asOf=2018-10-01} would answer for 2017 or for 2018 by the order the caller wrote
 * them in, and {@code ?aOsf=…} would answer as if no date had been asked for. Both are refused, naming the parameter.
 */
final class QueryParameters implements HandlerInterceptor {
    private static final String API = "/api/";

    /** The parameter names each endpoint method reads, found once from its {@code @RequestParam}s. */
    private final Map<Method, Set<String>> read = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod endpoint) || !request.getRequestURI().startsWith(API)) {
            return true;
        }
        String query = request.getQueryString();
        boolean form = request.getContentType() != null
                && request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if ((query == null || query.isEmpty()) && !form) {
            return true;
        }
        Set<String> names = read.computeIfAbsent(endpoint.getMethod(), method -> names(endpoint));
        // Unknown names are looked for in the query, where a caller writes them; a multipart form's parts are the
        // endpoint's to name (a file sent as a text part is told apart there, by its type).
        for (String name : queryNames(query)) {
            if (!names.contains(name)) {
                throw new InvalidRequestException(name, names.isEmpty()
                        ? "unknown parameter; this endpoint reads none"
                        : "unknown parameter; this endpoint reads " + String.join(", ", names));
            }
        }
        for (String name : names) {
            String[] values;
            try {
                values = request.getParameterValues(name);
            } catch (RequestRejectedException e) {
                throw new InvalidRequestException("(query)", "a parameter's name or value holds a character a URL does"
                        + " not carry (a control character)");
            }
            if (values != null && values.length > 1) {
                throw new InvalidRequestException(name, "given " + values.length + " times (in the query or the form);"
                        + " give it once");
            }
        }
        return true;
    }

    /** The parameter names the query string gives, decoded; a name no URL carries (a control character) refused. */
    private static List<String> queryNames(String query) {
        List<String> names = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String raw = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String name;
            try {
                name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("(query)", RequestValues.quoted(raw) + " is not a parameter name"
                        + " (a malformed percent-encoding)");
            }
            if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
                throw new InvalidRequestException("(query)", "a parameter's name holds a control character");
            }
            names.add(name);
        }
        return names;
    }

    private static Set<String> names(HandlerMethod endpoint) {
        Set<String> names = new TreeSet<>();
        String[] declared = new DefaultParameterNameDiscoverer().getParameterNames(endpoint.getMethod());
        for (MethodParameter parameter : endpoint.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : param.value();
                if (name.isEmpty() && declared == null) {
                    throw new IllegalStateException(endpoint + " is compiled without parameter names (-parameters)");
                }
                names.add(!name.isEmpty() ? name : declared[parameter.getParameterIndex()]);
            }
        }
        return names;
    }
}
