package org.reglament.access;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** 401 and 403 as RFC 9457 problem details, like every other refusal. */
@Component
public class ProblemResponses {
    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(URI.create(status == 401 ? "/problems/unauthenticated" : "/problems/forbidden"));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", ApiKeyAuthentication.SCHEME + " header=\"" + ApiKeyAuthentication.HEADER + "\", Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
