package org.reglament.candidate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reglament.audit.ConfinedReplays;
import org.reglament.audit.JdbcKnowledgeBaseStore;
import org.reglament.audit.KnowledgeBaseDiff;
import org.reglament.log.Receipt;
import org.reglament.audit.Replayer;
import org.reglament.audit.Replaying;
import org.reglament.candidate.CandidateProblems.CandidateFailed;
import org.reglament.candidate.CandidateProblems.Reason;
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore.Kept;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore.Origin;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Candidate knowledge bases: a lawyer's amended rules, proposed (role KB_PROPOSER), compiled in a confined worker,
 * kept only if they compile and fit the quota, and replayed against only in a confined worker. The service holds
 * no candidate compiled, and runs none of a candidate's code itself.
 */
@Service
public class Candidates implements ConfinedReplays {
    private final KnowledgeBases knowledgeBases;
    private final JdbcKnowledgeBaseStore store;
    private final CandidateWorkers workers;
    private final CandidateProperties properties;
    private final Replayer replayer;
    /** The quota's check and the keeping are one step; the compiling before it runs outside the lock. */
    private final Object keeping = new Object();

    public Candidates(KnowledgeBases knowledgeBases, JdbcKnowledgeBaseStore store, CandidateWorkers workers,
                      CandidateProperties properties, Replayer replayer) {
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.workers = workers;
        this.properties = properties;
        this.replayer = replayer;
    }

    /** A candidate kept: its version, and what changed from the version it is based on. */
    public record Proposal(String version, KnowledgeBaseDiff.Changes changes) {
    }

    /** {@code basedOn} ("current" or a kept version) with {@code changes} applied, compiled in a worker and kept. */
    public Proposal propose(String basedOn, Map<String, String> changes, String proposer) {
        RuleSources base = sources(basedOn);
        return keep(CandidateFiles.apply(base, changes), base, proposer);
    }

    /** Compiles {@code candidate} in a worker and keeps it if it compiles; a refused candidate leaves no trace. */
    Proposal keep(RuleSources candidate, RuleSources comparedWith, String proposer) {
        workers.requireAvailable();
        boolean known = store.origin(candidate.version()).isPresent();
        if (!known) {
            checkQuota(candidate);
        }
        WorkerProtocol.Reply compiled;
        try (CandidateSession session = workers.start()) {
            compiled = compile(session, candidate, comparedWith);
        }
        if (WorkerProtocol.REFUSED.equals(compiled.kind())) {
            throw new InvalidRequestException("files", "the candidate does not compile: " + compiled.detail());
        }
        if (!known) {
            synchronized (keeping) {
                checkQuota(candidate);
                store.store(candidate, Origin.CANDIDATE, proposer);
            }
        }
        return new Proposal(candidate.version(), compiled.changes());
    }

    /** Removes a kept candidate. */
    public void delete(String version) {
        if (!store.deleteCandidate(version)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no candidate " + version + " is kept");
        }
    }

    /** A worker that has compiled the kept version {@code version} (not one of the service's own), ready to replay. */
    @Override
    public Optional<Replaying> open(String version, String comparedWith) {
        Optional<Kept> kept = store.load(version);
        if (kept.isEmpty() || kept.get().origin().runsInProcess()) {
            return Optional.empty();
        }
        RuleSources compared = comparedWith == null ? null
                : comparedWith.equals(knowledgeBases.live().version()) ? knowledgeBases.live().sources()
                : store.load(comparedWith).map(Kept::sources).orElse(null);
        CandidateSession session = workers.start();
        try {
            WorkerProtocol.Reply compiled = compile(session, kept.get().sources(), compared);
            if (WorkerProtocol.REFUSED.equals(compiled.kind())) {
                throw new CandidateFailed(Reason.DOES_NOT_COMPILE, "the kept version no longer compiles: "
                        + compiled.detail(), version, null);
            }
            return Optional.of(new CandidateReplaying(session, version, compiled.changes()));
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static WorkerProtocol.Reply compile(CandidateSession session, RuleSources candidate,
                                                RuleSources comparedWith) {
        WorkerProtocol.Reply reply;
        try {
            reply = session.compile(new WorkerProtocol.Job(candidate.files(),
                    comparedWith == null ? null : comparedWith.files()));
        } catch (CandidateFailed failed) {
            throw failed.of(candidate.version(), null);
        }
        if (WorkerProtocol.COMPILED.equals(reply.kind()) && !candidate.version().equals(reply.version())) {
            throw new CandidateFailed(Reason.UNREADABLE_ANSWER, "the worker compiled " + reply.version()
                    + ", not the candidate it was given", candidate.version(), null);
        }
        return reply;
    }

    private void checkQuota(RuleSources candidate) {
        List<JdbcKnowledgeBaseStore.CandidateEntry> kept = store.candidates();
        long bytes = kept.stream().mapToLong(JdbcKnowledgeBaseStore.CandidateEntry::sizeBytes).sum();
        long size = JdbcKnowledgeBaseStore.size(candidate);
        long maxBytes = properties.maxTotalSize().toBytes();
        if (kept.size() + 1 > properties.maxKept()) {
            throw CandidateProblems.quota(kept.size() + " candidates are kept, the most allowed ("
                    + "reglament.candidates.max-kept)", kept.size(), properties.maxKept(), bytes, maxBytes);
        }
        if (bytes + size > maxBytes) {
            throw CandidateProblems.quota("this candidate (" + size + " bytes) and the " + kept.size()
                    + " kept (" + bytes + " bytes) would exceed " + maxBytes + " bytes (reglament.candidates."
                    + "max-total-size)", kept.size(), properties.maxKept(), bytes, maxBytes);
        }
    }

    private RuleSources sources(String version) {
        if (version == null || "current".equals(version)) {
            return knowledgeBases.live().sources();
        }
        return store.load(version).map(Kept::sources).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no knowledge-base version " + version + " is kept"));
    }

    /** Receipts replayed in one worker, compared here by the service's own {@link Replayer#compare}. */
    private final class CandidateReplaying implements Replaying {
        private final CandidateSession session;
        private final String version;
        private final KnowledgeBaseDiff.Changes changes;

        CandidateReplaying(CandidateSession session, String version, KnowledgeBaseDiff.Changes changes) {
            this.session = session;
            this.version = version;
            this.changes = changes;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public Replayer.Replay replay(Receipt receipt) {
            WorkerProtocol.Reply reply;
            try {
                reply = session.decide(receipt.decision(), receipt.request());
            } catch (CandidateFailed failed) {
                throw failed.of(version, receipt.decisionId());
            }
            if (!WorkerProtocol.ANSWERED.equals(reply.kind()) || (reply.answer() == null) == (reply.refusal() == null)) {
                throw unreadable(receipt);
            }
            Replayer.Replayed replayed = reply.refusal() != null ? Replayer.Replayed.refused(reply.refusal())
                    : Replayer.Replayed.answered(reply.answer());
            try {
                return replayer.compare(receipt, version, replayed, changes);
            } catch (IllegalStateException notJson) {
                // the answer's text comes from the worker, which the candidate can write to
                throw unreadable(receipt);
            }
        }

        private CandidateFailed unreadable(Receipt receipt) {
            session.close();
            return new CandidateFailed(Reason.UNREADABLE_ANSWER, "the worker's answer is not an answer (the "
                    + "candidate may have written to the worker's output)", version, receipt.decisionId());
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
