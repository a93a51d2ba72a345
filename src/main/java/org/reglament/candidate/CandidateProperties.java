package org.reglament.candidate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How candidate knowledge bases are confined and how many are kept ({@code reglament.candidates.*}; every key and its
 * default is listed in application.properties).
 *
 * @param confinement     {@code bubblewrap}: every worker runs under bwrap (no network, read-only file system but for
 *                        its scratch directory), and candidates are refused with 503 where bwrap cannot run;
 *                        {@code unconfined}: the worker still runs in its own process with its limits, but can reach
 *                        the network and write files — only for a machine where that is acceptable, set explicitly
 * @param cpuTime         CPU time of one worker (all its threads; compiling the whole knowledge base takes 4–8 s)
 * @param compileTimeout  wall clock from the worker's start until it has compiled the candidate
 * @param decisionTimeout wall clock for one decision once compiled
 * @param sessionTimeout  wall clock of one worker in all (an impact analysis replays many receipts in one worker)
 * @param heap            the worker's Java heap (-Xmx)
 * @param addressSpace    the worker's virtual memory (RLIMIT_AS), which also bounds what it allocates off the heap
 * @param scratch         size of the worker's only writable directory (a tmpfs under bwrap)
 * @param maxFileSize     largest file the worker may write (RLIMIT_FSIZE)
 * @param maxReply        largest line the service reads from a worker (one answer); a larger one ends the worker
 * @param maxWorkers      workers running at once; more requests are answered 503 with Retry-After
 * @param maxKept         candidates kept at once (409 beyond it: delete one first)
 * @param maxTotalSize    bytes of all kept candidates' files together (each is a whole knowledge base)
 * @param hiddenPaths     paths the worker must not even read, beyond the data directory (always hidden)
 */
@ConfigurationProperties("reglament.candidates")
public record CandidateProperties(
        @DefaultValue("bubblewrap") Confinement confinement,
        @DefaultValue("bwrap") String bubblewrap,
        @DefaultValue("prlimit") String prlimit,
        @DefaultValue("120s") Duration cpuTime,
        @DefaultValue("90s") Duration compileTimeout,
        @DefaultValue("10s") Duration decisionTimeout,
        @DefaultValue("10m") Duration sessionTimeout,
        @DefaultValue("256MB") DataSize heap,
        @DefaultValue("2GB") DataSize addressSpace,
        @DefaultValue("16MB") DataSize scratch,
        @DefaultValue("8MB") DataSize maxFileSize,
        @DefaultValue("8MB") DataSize maxReply,
        @DefaultValue("2") int maxWorkers,
        @DefaultValue("20") int maxKept,
        @DefaultValue("32MB") DataSize maxTotalSize,
        @DefaultValue List<Path> hiddenPaths) {

    public enum Confinement {
        BUBBLEWRAP, UNCONFINED
    }

    public CandidateProperties {
        hiddenPaths = hiddenPaths == null ? List.of() : List.copyOf(hiddenPaths);
    }
}
