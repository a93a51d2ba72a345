package org.reglament.api;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reglament.decision.InvalidRequestException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
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
        Map<String, String[]> given = request.getParameterMap();
        if (given.isEmpty()) {
            return true;
        }
        Set<String> names = read.computeIfAbsent(endpoint.getMethod(), method -> names(endpoint));
        for (Map.Entry<String, String[]> parameter : given.entrySet()) {
            if (!names.contains(parameter.getKey())) {
                throw new InvalidRequestException(parameter.getKey(), names.isEmpty()
                        ? "unknown parameter; this endpoint reads none"
                        : "unknown parameter; this endpoint reads " + String.join(", ", names));
            }
            if (parameter.getValue().length > 1) {
                throw new InvalidRequestException(parameter.getKey(), "given " + parameter.getValue().length
                        + " times; give it once");
            }
        }
        return true;
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
