package org.reglament.access;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Role KB_PROPOSER (issue 12): proposing and removing candidate knowledge bases is a role of its own, not every
 * auditor's — a candidate is code, run in a confined worker when auditors replay against it. Must come before the
 * audit endpoints' AUDITOR rule, which would otherwise match these paths first.
 */
final class ProposerAccess {
    static final String ROLE = "KB_PROPOSER";
    private static final String CANDIDATES = "/api/v1/audit/knowledge-bases";

    private ProposerAccess() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(HttpMethod.POST, CANDIDATES).hasRole(ROLE);
        requests.requestMatchers(HttpMethod.DELETE, CANDIDATES + "/*").hasRole(ROLE);
    }
}
