package org.reglament.candidate;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;

/**
 * Candidate knowledge bases run only in a worker confined by Debian's bubblewrap; without it the service refuses them
 * (503), and every test that proposes one is skipped, as the README says, rather than failed: {@code ./mvnw verify}
 * needs nothing but Java. {@code .ci/bubblewrap.sh} installs it, so CI runs them all.
 */
public final class Bubblewrap {
    private Bubblewrap() {
    }

    /** Skips the calling test or scenario where bubblewrap is not installed. */
    public static void assumeInstalled() {
        assumeThat(Path.of("/usr/bin/bwrap")).as("bubblewrap is not installed here (.ci/bubblewrap.sh installs it): "
                + "candidate knowledge bases run only in its confinement").exists();
    }
}
