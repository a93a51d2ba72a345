package org.reglament.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reglament.candidate.CandidateProblems.CandidateFailed;
import org.reglament.candidate.CandidateProblems.Reason;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * The worker machinery without the service around it: a candidate compiles and answers in its confined worker,
 * a candidate that burns CPU is stopped by the CPU-time limit (not the wall clock), and where bubblewrap cannot run
 * nothing is started at all.
 */
class CandidateWorkersTest {
    static final String MATRIX_REQUEST = "{\"asOf\":\"2018-10-01\",\"service\":{\"applicationsPerYear\":%d,"
            + "\"category\":\"REGIONAL\",\"electronicWithoutOriginals\":true,\"feeOrPayment\":true,"
            + "\"inPersonReceptionAtAgency\":true,\"name\":\"Выдача разрешения\",\"providedViaMfc\":true,"
            + "\"registryId\":\"41000000000777\"}}";

    @Test
    void aCandidateCompilesAndAnswersInItsWorker(@TempDir Path data) throws Exception {
        Bubblewrap.assumeInstalled();
        CandidateWorkers workers = new CandidateWorkers(limits(Duration.ofSeconds(60), Duration.ofSeconds(30), "bwrap"), data, null);
        RuleSources live = RuleSources.fromDirectory(Path.of("rules"));
        RuleSources candidate = CandidateFiles.apply(live, Map.of("ru/kamchatka_guidelines/act.yaml",
                live.text("ru/kamchatka_guidelines/act.yaml").replace("    value: 100\n", "    value: 50\n")));
        try (CandidateSession session = workers.start()) {
            WorkerProtocol.Reply compiled = session.compile(new WorkerProtocol.Job(candidate.files(), live.files()));
            assertThat(compiled.kind()).isEqualTo(WorkerProtocol.COMPILED);
            assertThat(compiled.version()).isEqualTo(candidate.version());
            assertThat(compiled.changes().parameters()).singleElement()
                    .satisfies(p -> assertThat(p.parameter()).isEqualTo("requestFormationThreshold"));
            WorkerProtocol.Reply answered = session.decide("action-matrix", MATRIX_REQUEST.formatted(60));
            JsonNode answer = new ObjectMapper().readTree(answered.answer());
            assertThat(answer.path("knowledgeBaseVersion").asText()).isEqualTo(candidate.version());
            assertThat(answer.path("result").path("cells").get(2).path("value").asText())
                    .as("60 applications are over the candidate's threshold of 50").isEqualTo("1");
        }
    }

    @Test
    void aCandidateThatBurnsCpuIsStoppedByTheCpuTimeLimit(@TempDir Path data) {
        Bubblewrap.assumeInstalled();
        // The wall clock (60 s per decision) is far away: only the CPU-time limit can stop this one in time.
        CandidateWorkers workers = new CandidateWorkers(limits(Duration.ofSeconds(15), Duration.ofSeconds(60), "bwrap"), data, null);
        RuleSources candidate = CandidateAttacks.candidate(Map.of(7001, """
                for (int t = 0; t < 3; t++) {
                    new Thread(() -> { long spin = 0; while (spin >= 0) { spin = (spin + 1) % 1000; } }).start();
                }
                long spin = 0; while (spin >= 0) { spin = (spin + 1) % 1000; }
                """));
        long started = System.nanoTime();
        try (CandidateSession session = workers.start()) {
            assertThat(session.compile(new WorkerProtocol.Job(candidate.files(), null)).kind())
                    .isEqualTo(WorkerProtocol.COMPILED);
            assertThatThrownBy(() -> session.decide("action-matrix", MATRIX_REQUEST.formatted(7001)))
                    .isInstanceOfSatisfying(CandidateFailed.class, failed -> {
                        assertThat(failed.reason()).isEqualTo(Reason.CPU_TIME);
                        assertThat(failed.getBody().getDetail()).contains("CPU time (15 s)");
                    });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(55));
    }

    @Test
    void withoutBubblewrapNoCandidateIsRun(@TempDir Path data) {
        CandidateWorkers workers = new CandidateWorkers(limits(Duration.ofSeconds(60), Duration.ofSeconds(5),
                data.resolve("no-such-bwrap").toString()), data, null);
        assertThatThrownBy(workers::start).isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getBody().getType().toString()).isEqualTo("/problems/candidates-unavailable");
            assertThat(refused.getBody().getDetail()).contains("bubblewrap").contains("not available");
        });
    }

    static CandidateProperties limits(Duration cpu, Duration decision, String bubblewrap) {
        return new CandidateProperties(CandidateProperties.Confinement.BUBBLEWRAP, bubblewrap, "prlimit", cpu,
                Duration.ofSeconds(90), decision, Duration.ofMinutes(3), DataSize.ofMegabytes(192),
                DataSize.ofGigabytes(2), DataSize.ofMegabytes(16), DataSize.ofMegabytes(8), DataSize.ofMegabytes(8),
                2, 20, DataSize.ofMegabytes(32), List.of());
    }
}
