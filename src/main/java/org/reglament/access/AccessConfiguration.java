package org.reglament.access;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what (docs/security.md has the table). Registry tools ask for decisions (role DECIDER, or anyone while
 * reglament.security.decisions-require-key is false); auditors read, verify and replay the log (role AUDITOR);
 * proposing candidate knowledge bases needs role KB_PROPOSER ({@link ProposerAccess}); scrapers read the metrics
 * (METRICS, or AUDITOR). On those endpoints an anonymous caller gets 401 and a caller with another role 403. Keys come
 * from configuration; with an identity provider, JWT bearer tokens carry the roles in their "roles" claim.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AccessConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    /** The roles a key or a token may carry; a key naming any other is refused at start (see DeploymentAccessCheck). */
    public static final java.util.Set<String> ROLES = java.util.Set.of("DECIDER", "AUDITOR", "METRICS", "KB_PROPOSER");

    @Bean
    SecurityFilterChain access(HttpSecurity http, AccessProperties properties, ProblemResponses problems,
                               Environment environment, ResourceLoader resources) throws Exception {
        if (properties.apiKeys().stream().anyMatch(k -> k.key() != null && k.key().startsWith("local-"))) {
            log.warn("The local API keys of application-local.properties are active: for your own machine only");
        }
        // With a management port of its own (management.server.port, bound to an internal address by
        // management.server.address) the actuator answers there only, to whoever can reach it: probes and scrapers.
        // On the main port, metrics need a key or token with role METRICS (or AUDITOR); health stays anonymous.
        boolean managementPortOfItsOwn = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        // Stateless, and no login: nothing to log out of (no /logout redirecting to a login page that is not there)
        // and no request to keep for after a login; two filters fewer on every request (issue 17, point 3). The
        // servlet-API filter stays: an Authentication handler parameter (CandidateController) is the request's user.
        http.csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthentication(properties.apiKeys(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    ProposerAccess.apply(requests);
                    requests.requestMatchers("/api/v1/audit/**").hasRole("AUDITOR");
                    if (properties.decisionsRequireKey()) {
                        requests.requestMatchers("/api/v1/decisions/**", "/api/v1/registries/**").hasRole("DECIDER");
                        // Checkpoints and proofs reveal nothing but hashes: whoever may ask for decisions may check them.
                        requests.requestMatchers("/api/v1/log/**").hasAnyRole("DECIDER", "AUDITOR");
                    } else {
                        // What anyRequest() below would say, said before the actuator's matchers are tried for every
                        // decision (issue 17, point 3): no actuator endpoint is under /api.
                        requests.requestMatchers("/api/v1/decisions/**").permitAll();
                    }
                    requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll();
                    if (managementPortOfItsOwn) {
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    } else {
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyRole("METRICS", "AUDITOR");
                    }
                    requests.anyRequest().permitAll();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthenticated(problems, IdentityProviderTokens.configured(environment)))
                        .accessDeniedHandler(forbidden(problems)));
        if (IdentityProviderTokens.configured(environment)) {
            // The decoder is built here, at start, on both kinds of start: IdentityProviderTokens says why.
            JwtDecoder decoder = IdentityProviderTokens.decoder(environment, resources);
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint((request, response, e) -> problems.write(response, 401,
                            "Authentication required", "the bearer token is not accepted: it is malformed, expired, "
                                    + "not signed by the configured key or not issued by the configured issuer"))
                    .accessDeniedHandler(forbidden(problems))
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new RolesClaim())));
        }
        return http.build();
    }

    /**
     * Spring Security observes nothing: no observation around the filter chain, each of its filters, authentication
     * or authorization. {@code management.observations.enable.spring.security=false} only made those observations
     * no-ops; with this the chain is not wrapped for them at all (about 1.5 % of a request's samples under load left by
     * the property: issue 17, point 3, docs/benchmarks.md "Over HTTP"). http_server_requests still times every
     * request, refusals included.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A caller who sent a bearer token where no identity provider is configured is told the token was not read, rather
     * than asked for a token it already sent.
     */
    private static AuthenticationEntryPoint unauthenticated(ProblemResponses problems, boolean tokensRead) {
        return (request, response, e) -> {
            String authorization = request.getHeader("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            problems.write(response, 401, "Authentication required", bearer && !tokensRead
                    ? "this service reads no bearer tokens (no identity provider is configured): send an API key ("
                            + ApiKeyAuthentication.HEADER + ")"
                    : "this endpoint needs an API key (" + ApiKeyAuthentication.HEADER + ")"
                            + (tokensRead ? " or a bearer token" : ""));
        };
    }

    private static AccessDeniedHandler forbidden(ProblemResponses problems) {
        return (request, response, e) -> problems.write(response, 403, "Forbidden",
                "the caller's role does not allow this endpoint");
    }

    /**
     * Roles from the token's "roles" claim, a JSON array of role names; anything else in it (a string, an object,
     * names of no role) gives no role. The caller's name is the token's subject, which every token must have.
     */
    static final class RolesClaim implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<GrantedAuthority> authorities = jwt.getClaims().get("roles") instanceof Collection<?> roles
                    ? roles.stream().filter(ROLES::contains)
                            .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList()
                    : List.of();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
