package org.reglament.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by its X-API-Key header against the configured keys; an unknown key is a 401. The same key
 * may come as {@code Authorization: ApiKey <key>}, for clients that can set only that header: Prometheus's scrape
 * configuration ({@code authorization: {type: ApiKey, credentials_file: …}}) is one.
 */
public class ApiKeyAuthentication extends OncePerRequestFilter {
    public static final String HEADER = "X-API-Key";
    public static final String SCHEME = "ApiKey";

    private final List<AccessProperties.ApiKey> keys;
    private final ProblemResponses problems;

    public ApiKeyAuthentication(List<AccessProperties.ApiKey> keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // One request, one caller: with two keys (or a key and an Authorization header) the one read would depend on
        // the order the headers came in, and a request with a key of a role it lacks could pass on another's.
        if (count(request, HEADER) + count(request, "Authorization") > 1) {
            problems.write(response, 401, "More than one credential", "send one " + HEADER + " header or one "
                    + "Authorization header, not several");
            return;
        }
        String presented = presentedKey(request);
        if (presented != null) {
            AccessProperties.ApiKey key = keys.stream().filter(k -> matches(k.key(), presented)).findFirst().orElse(null);
            if (key == null) {
                problems.write(response, 401, "Unknown API key", "the " + HEADER + " header (or Authorization: "
                        + SCHEME + ") names no configured key");
                return;
            }
            var authorities = key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities));
        }
        chain.doFilter(request, response);
    }

    private static int count(HttpServletRequest request, String header) {
        int n = 0;
        for (var values = request.getHeaders(header); values != null && values.hasMoreElements(); values.nextElement()) {
            n++;
        }
        return n;
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        if (header == null && authorization != null
                && authorization.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return authorization.substring(SCHEME.length() + 1).trim();
        }
        return header;
    }

    /** Constant-time: a key is not guessed character by character from response times. */
    private static boolean matches(String configured, String presented) {
        return configured != null && MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
