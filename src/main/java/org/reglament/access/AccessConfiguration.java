package org.reglament.access;

import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. Registry tools ask for decisions (role DECIDER, or anyone while
 * reglament.security.decisions-require-key is false); auditors read, verify and replay the log (role AUDITOR);
 * proposing candidate knowledge bases needs role KB_PROPOSER ({@link ProposerAccess}).
 * On audit endpoints an anonymous caller gets 401 and a caller with another role 403. Keys come from
 * configuration; with an identity provider, JWT bearer tokens carry the roles in their "roles" claim.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AccessConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AccessConfiguration.class);

    @Bean
    SecurityFilterChain access(HttpSecurity http, AccessProperties properties, ProblemResponses problems,
                               @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                               @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKey)
            throws Exception {
        if (properties.apiKeys().stream().anyMatch(k -> k.key() != null && k.key().startsWith("local-"))) {
            log.warn("The local API keys of application.properties are active: replace them in a deployment");
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthentication(properties.apiKeys(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    ProposerAccess.apply(requests);
                    requests.requestMatchers("/api/v1/audit/**").hasRole("AUDITOR");
                    if (properties.decisionsRequireKey()) {
                        requests.requestMatchers("/api/v1/decisions/**", "/api/v1/registries/**").hasRole("DECIDER");
                        // Checkpoints and proofs reveal nothing but hashes: whoever may ask for decisions may check them.
                        requests.requestMatchers("/api/v1/log/**").hasAnyRole("DECIDER", "AUDITOR");
                    }
                    requests.anyRequest().permitAll();
                })
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response, 401,
                                "Authentication required", "this endpoint needs an API key (" + ApiKeyAuthentication.HEADER
                                        + ") or a bearer token"))
                        .accessDeniedHandler((request, response, e) -> problems.write(response, 403, "Forbidden",
                                "the caller's role does not allow this endpoint")));
        if (!issuer.isBlank() || !publicKey.isBlank()) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaim())));
        }
        return http.build();
    }

    /** Roles from the token's "roles" claim (DECIDER, AUDITOR); the caller's name is its subject. */
    static final class RolesClaim implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<String> roles = jwt.getClaimAsStringList("roles");
            List<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
