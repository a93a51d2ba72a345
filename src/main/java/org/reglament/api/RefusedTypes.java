package org.reglament.api;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * An endpoint whose every type the request's {@code Accept} refuses by {@code q=0} is a 406, also when a wildcard
 * beside the refusal covers the type: {@code application/json;q=0, *}{@code /*} is a client that reads anything but
 * JSON (RFC 9110 §12.5.1: the most specific range says), and Spring's negotiation answered it JSON, the wildcard's
 * {@code q=1} taken for it. Only requests whose Accept refuses something are looked at (AcceptableAnswer marks them),
 * so a decision with an ordinary Accept pays nothing here. An endpoint that negotiates its own formats (a registry's,
 * which declares none) does the same with {@link AcceptRanges}. Every endpoint that declares types declares one, so
 * there is never a choice among them left for Spring to make against a refusal.
 */
final class RefusedTypes implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(request.getAttribute(AcceptableAnswer.REFUSING) instanceof List<?> sent)
                || !(request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Set<?> declared)
                || declared.isEmpty()) {
            return true;
        }
        List<MediaType> ranges = sent.stream().map(MediaType.class::cast).toList();
        List<MediaType> types = declared.stream().map(MediaType.class::cast).toList();
        // An endpoint that answers in any type (the error page, «*/*»: also an error's dispatch) is refused by none.
        if (types.stream().anyMatch(MediaType::isWildcardType)) {
            return true;
        }
        if (types.stream().noneMatch(type -> AcceptRanges.quality(ranges, type) > 0)) {
            throw new HttpMediaTypeNotAcceptableException(types);
        }
        return true;
    }
}
