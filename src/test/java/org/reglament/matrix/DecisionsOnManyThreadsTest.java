package org.reglament.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.KnowledgeBaseCompiler;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A server decides on many threads at once, each with a session of the engine's pool. On a knowledge base just
 * compiled (its KieBases built by the first decisions, as in a replica that has just started), eight threads deciding
 * at once must each get the answer one thread gets. Sessions without synchronised propagation failed this: a
 * consequence of one session ran without its match, or a cell was rated twice (docs/benchmarks.md).
 */
class DecisionsOnManyThreadsTest {
    private static final int THREADS = 8;

    @Test
    void eightThreadsAtOnceGetTheAnswersOfOne() throws Exception {
        List<ActionMatrixRequest> requests = new ArrayList<>();
        int i = 0;
        for (ServiceCategory category : ServiceCategory.values()) {
            for (int applications : new int[] {7, 100, 101, 2500}) {
                for (int facts = 0; facts < 16; facts++) {
                    requests.add(new ActionMatrixRequest(LocalDate.of(2018, 10, 1), new ServiceDescription(
                            "4100000000" + (1000 + i++), "Услуга", null, null, category, applications, (facts & 1) != 0,
                            (facts & 2) != 0, (facts & 4) != 0, (facts & 8) != 0, (facts & 1) == 0 ? null : true)));
                }
            }
        }
        List<String> oneThread = new ArrayList<>();
        ActionMatrixDecisions reference = decisions();
        for (ActionMatrixRequest request : requests) {
            oneThread.add(answer(reference, request));
        }
        for (int round = 0; round < 3; round++) {
            ActionMatrixDecisions fresh = decisions();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<String>>> answers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int offset = t * 37;
                    Callable<List<String>> deciding = () -> {
                        List<String> mine = new ArrayList<>();
                        for (int n = 0; n < requests.size(); n++) {
                            mine.add(answer(fresh, requests.get((offset + n) % requests.size())));
                        }
                        return mine;
                    };
                    answers.add(threads.submit(deciding));
                }
                for (int t = 0; t < THREADS; t++) {
                    List<String> mine = answers.get(t).get();
                    for (int n = 0; n < requests.size(); n++) {
                        assertThat(mine.get(n)).as("round %d, thread %d, request %d", round, t, n)
                                .isEqualTo(oneThread.get((t * 37 + n) % requests.size()));
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** A knowledge base of its own, compiled now: its KieBases are built by the first decisions. */
    private static ActionMatrixDecisions decisions() {
        return new ActionMatrixDecisions(new KnowledgeBases(
                new KnowledgeBaseCompiler().compile(RuleSources.fromDirectory(KnowledgeBaseFixture.RULES)),
                new StaticListableBeanFactory().getBeanProvider(KnowledgeBaseSourceStore.class)),
                new Envelopes(), new DecisionMetrics(new SimpleMeterRegistry()));
    }

    /** The answer apart from its id, and the check of a proposal of all «1». */
    private static String answer(ActionMatrixDecisions decisions, ActionMatrixRequest request) {
        var derived = decisions.derive(request);
        var check = decisions.check(new MatrixCheckRequest(request.asOf(), request.service(),
                new MatrixProposal(java.util.Collections.nCopies(9, "1"), false)));
        return derived.result() + " " + derived.rulesFired() + " | " + check.result() + " " + check.rulesFired();
    }
}
