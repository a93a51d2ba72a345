package org.reglament.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
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
public class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, RequestRejectedHandler {
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
        json.writeValue(response.getOutputStream(), ProblemReportValve.problem(400, "Bad Request",
                "(request): " + ErrorAnswers.REFUSED));
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // The host creates its error report valve when it starts, by class name.
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as RFC 9457 problem details without the container's name, version or exception. */
    public static class ProblemReportValve extends ErrorReportValve {
        private final ObjectMapper json = new ObjectMapper();

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

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            String detail = status >= 500 ? "The service failed to answer; the failure is logged."
                    : "(request): " + ErrorAnswers.REFUSED;
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(problem(status, title, detail)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone: nothing is left to answer.
            }
        }
    }
}
