package org.reglament.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How large a registry may be, beyond the HTTP body limit: what a registry of thousands of services needs with
 * ample room, and far below what would let one file exhaust the service's memory.
 *
 * @param maxBodyBytes the largest file accepted over HTTP (the JSON endpoints keep their own 64 KiB)
 * @param maxColumns   columns in a row
 * @param maxRowChars  characters in one row, all its cells together
 * @param maxRows      rows in a file
 * @param threads      threads deciding the rows of one batch (0: one per processor)
 */
@ConfigurationProperties("reglament.registry")
public record RegistryLimits(@DefaultValue("268435456") long maxBodyBytes, @DefaultValue("512") int maxColumns,
                             @DefaultValue("131072") int maxRowChars, @DefaultValue("5000000") long maxRows,
                             @DefaultValue("0") int threads) {

    public static RegistryLimits defaults() {
        return new RegistryLimits(268_435_456L, 512, 131_072, 5_000_000L, 0);
    }

    int deciders() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
