package org.reglament.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * API keys and what they may do. A key's name is what receipts record as the caller; the key itself is never
 * recorded.
 */
@ConfigurationProperties("reglament.security")
public record AccessProperties(List<ApiKey> apiKeys, boolean decisionsRequireKey) {

    public AccessProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * @param roles DECIDER (asks for decisions), AUDITOR (reads, verifies, replays the log), KB_PROPOSER (proposes
     *              candidate knowledge bases)
     */
    public record ApiKey(String name, String key, List<String> roles) {
    }
}
