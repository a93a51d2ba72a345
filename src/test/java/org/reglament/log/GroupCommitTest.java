package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Group commit with {@code reglament.audit.log.commit-interval-ms}: a replica begins a commit no sooner than the
 * interval after it began the last, so it commits at most 1000 / interval times a second however many receipts come
 * and however they come, and every receipt still gets its own leaf and an answer.
 */
@SpringBootTest(properties = "reglament.audit.log.commit-interval-ms=250")
class GroupCommitTest {
    @Autowired
    DecisionLog log;
    @Autowired
    MeterRegistry meters;

    private static DecisionLog.Draft draft(String registryId) {
        return new DecisionLog.Draft(UUID.randomUUID().toString(), "action-matrix", registryId,
                LocalDate.of(2018, 10, 1), "decree-236", "test", "test", "test", "{\"registryId\":\"" + registryId + "\"}",
                ("{\"registryId\":\"" + registryId + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void underLoadAReplicaCommitsAtMostOncePerIntervalAndEveryReceiptGetsItsLeaf() throws Exception {
        DistributionSummary groups = meters.get("reglament.decision.log.batch")
                .tag("stream", Integer.toString(log.stream())).summary();
        long groupsBefore = groups.count();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        List<Future<List<DecisionLog.Position>>> answers = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            int c = client;
            // Each client asks again as soon as it is answered, as a busy registry tool does.
            answers.add(clients.submit(() -> {
                List<DecisionLog.Position> positions = new ArrayList<>();
                while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1500)) {
                    positions.add(log.append(draft("4100000000000" + c)));
                }
                return positions;
            }));
        }
        Set<Long> leaves = new HashSet<>();
        int receipts = 0;
        for (Future<List<DecisionLog.Position>> answer : answers) {
            for (DecisionLog.Position position : answer.get(30, TimeUnit.SECONDS)) {
                leaves.add(position.leafIndex());
                receipts++;
            }
        }
        double elapsedMs = (System.nanoTime() - started) / 1e6;
        clients.shutdown();

        long committed = groups.count() - groupsBefore;
        assertThat(leaves).as("a leaf of its own for every receipt").hasSize(receipts);
        assertThat(receipts).as("receipts").isGreaterThan(8);
        // Commits begin at least an interval apart, whatever each group held, so the bound is exact: on a busy
        // machine the clients' receipts may come one at a time, and they then wait, not commit alone (54 commits in
        // 1.5 s were seen when a receipt that came alone was written at once).
        assertThat(committed).as("groups committed in %.0f ms", elapsedMs)
                .isLessThanOrEqualTo((long) (elapsedMs / 250) + 1);
        assertThat((double) receipts / committed).as("receipts per group").isGreaterThan(2);
    }
}
