package org.reglament.audit;

import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a replay runs against, by the version an auditor names: the live version and the service's own kept versions
 * are decided in this process; any other kept version (a candidate) only in a confined worker.
 */
@Component
public class ReplayTargets {
    private final Replayer replayer;
    private final KnowledgeBases knowledgeBases;
    private final ConfinedReplays confined;

    public ReplayTargets(Replayer replayer, KnowledgeBases knowledgeBases, ConfinedReplays confined) {
        this.replayer = replayer;
        this.knowledgeBases = knowledgeBases;
        this.confined = confined;
    }

    /**
     * @param version         "current", or a kept version
     * @param recordedVersion the version the replayed answers were given with, for a candidate's worker to compare
     * @throws ResponseStatusException 404 when no such version is kept
     */
    public Replaying open(String version, String recordedVersion) {
        if ("current".equals(version)) {
            return replayer.inProcess(knowledgeBases.live());
        }
        return knowledgeBases.builtIn(version).map(replayer::inProcess)
                .or(() -> confined.open(version, recordedVersion))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no knowledge-base version " + version + " is kept"));
    }
}
