package org.reglament.audit;

import java.util.Optional;

/**
 * Replays against a version the service did not ship (a candidate, or a version kept before origins were recorded):
 * decided in a confined worker process, never in this one. Implemented by {@code org.reglament.candidate}.
 */
public interface ConfinedReplays {

    /**
     * Starts a worker for {@code version}; empty if no such version is kept.
     *
     * @param comparedWith the version the knowledge-base changes are counted from (a receipt's), or null for none
     */
    Optional<Replaying> open(String version, String comparedWith);
}
