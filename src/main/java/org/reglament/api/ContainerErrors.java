package org.reglament.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests refused before any endpoint sees them, answered as problem details like everything else the service says:
 * those the servlet container refuses (a malformed percent-encoding, an encoded NUL or slash in the path, a header too
 * large), which Tomcat's error report valve would answer with an HTML page, and those Spring Security's firewall
 * refuses (a path with "..", "//" or ";", a method such as FOO), which it would answer with an empty 400.
 */
@Component
public class ContainerErrors implements RequestRejectedHandler {
    private final ObjectMapper json;

    public ContainerErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem(400, "Bad Request",
                "(request): " + ErrorAnswers.REFUSED));
    }

    static java.util.Map<String, Object> problem(int status, String title, String detail) {
        java.util.Map<String, Object> problem = new java.util.LinkedHashMap<>();
        problem.put("type", status >= 500 ? "about:blank" : "/problems/refused");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (status < 500) {
            problem.put("field", "(request)");
            problem.put("errors", java.util.List.of(java.util.Map.of("field", "(request)", "reason", ErrorAnswers.REFUSED)));
        }
        return problem;
    }
}
