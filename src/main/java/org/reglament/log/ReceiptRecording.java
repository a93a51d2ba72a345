package org.reglament.log;

import java.lang.reflect.Type;

import jakarta.servlet.http.HttpServletRequest;
import org.reglament.decision.DecisionEnvelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records every decision answered over HTTP: the request as read, the envelope as it is about to be sent. The
 * receipt is durable before the body is written, and the answer carries its digest and its place in the log.
 */
@RestControllerAdvice(basePackages = "org.reglament")
// First among the answer's advice: the receipt records the envelope itself, before any other form of it is sent
// (org.reglament.decision.ReferencedCitations runs after it).
@Order(0)
public class ReceiptRecording extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {
    static final String REQUEST = ReceiptRecording.class.getName() + ".request";

    private final DecisionLog log;
    private final CanonicalJson json;
    private final boolean enabled;

    public ReceiptRecording(DecisionLog log, CanonicalJson json, @Value("${reglament.audit.log.enabled}") boolean enabled) {
        this.log = log;
        this.json = json;
        this.enabled = enabled;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return enabled;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        org.springframework.web.context.request.RequestAttributes attributes =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(REQUEST, body, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return body;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return enabled && DecisionEnvelope.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(body instanceof DecisionEnvelope<?> envelope) || !(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        Object asked = http.getAttribute(REQUEST);
        String canonicalRequest = json.write(asked);
        String registryId = json.textAt(canonicalRequest, "service", "registryId");
        byte[] canonicalAnswer = json.writeBytes(envelope);
        DecisionLog.Position position = log.append(new DecisionLog.Draft(envelope.decisionId(), envelope.decision(), registryId,
                envelope.asOf(), envelope.regulation().actId(), envelope.regulation().edition(),
                envelope.knowledgeBaseVersion(), caller(), canonicalRequest, canonicalAnswer));
        RawJson answer = RecordedAnswer.of(canonicalAnswer, position);
        // Its length is known: sent with Content-Length rather than in chunks of Jackson's buffer (issue 17, point 3).
        // An advice that sends another form of the answer (ReferencedCitations) drops it again; Tomcat drops it when
        // it compresses the answer.
        response.getHeaders().setContentLength(answer.asUnquotedUTF8().length);
        return answer;
    }

    /**
     * The request a decision answers, for an endpoint that builds it from something other than a JSON body (a plan of
     * amendments sent as a spreadsheet): the receipt keeps it as the JSON endpoint would have taken it, so the
     * decision replays like any other.
     */
    public static void answering(HttpServletRequest http, Object request) {
        http.setAttribute(REQUEST, request);
    }

    /** Who asked: the name of the key or token subject, never the secret itself. */
    public static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName()) ? "anonymous" : authentication.getName();
    }
}
