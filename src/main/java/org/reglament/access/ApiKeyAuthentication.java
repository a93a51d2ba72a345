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

/** Authenticates a request by its X-API-Key header against the configured keys; an unknown key is a 401. */
public class ApiKeyAuthentication extends OncePerRequestFilter {
    public static final String HEADER = "X-API-Key";

    private final List<AccessProperties.ApiKey> keys;
    private final ProblemResponses problems;

    public ApiKeyAuthentication(List<AccessProperties.ApiKey> keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            AccessProperties.ApiKey key = keys.stream().filter(k -> matches(k.key(), presented)).findFirst().orElse(null);
            if (key == null) {
                problems.write(response, 401, "Unknown API key", "the " + HEADER + " header names no configured key");
                return;
            }
            var authorities = key.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(key.name(), null, authorities));
        }
        chain.doFilter(request, response);
    }

    /** Constant-time: a key is not guessed character by character from response times. */
    private static boolean matches(String configured, String presented) {
        return configured != null && MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
