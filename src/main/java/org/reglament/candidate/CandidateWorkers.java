package org.reglament.candidate;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import jakarta.annotation.PreDestroy;
import org.reglament.candidate.CandidateProperties.Confinement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Starts the confined processes candidate knowledge bases are compiled and evaluated in. Why each part:
 * <ul>
 * <li>A process, not a thread or a class loader: nothing in a JVM stops code it runs from calling
 * {@code System.exit}, looping forever, filling the heap or opening files, so the code must run in a JVM of its
 * own that the service can stop. The worker is the same {@code java} ({@code java.home}) on the same class path, so
 * it decides with the very classes the service does; from the packaged jar it starts through Spring Boot's
 * {@code PropertiesLauncher} with {@code -Dloader.main}, the one launcher that can run another main class of the
 * jar. It never starts a web server: {@link CandidateWorker} speaks JSON lines on stdin/stdout.</li>
 * <li>Limits: {@code -Xmx} bounds the heap (a huge allocation fails inside the worker, which reports it),
 * {@code prlimit} bounds CPU time (SIGXCPU), address space (what it could allocate off the heap), file size and core
 * dumps; the wall clock is the service's ({@link CandidateSession} stops the process, and its children, with
 * {@code destroyForcibly}).</li>
 * <li>Confinement: Debian's bubblewrap ({@code bwrap}) gives the worker no network (its own empty network
 * namespace), a read-only view of the file system with the service's data directory hidden, a small tmpfs as its
 * only writable directory, its own process namespace (it dies with the service: {@code --die-with-parent}), and no
 * capabilities. Without bwrap candidates are refused (503) rather than run unconfined, unless
 * {@code reglament.candidates.confinement=unconfined} is set explicitly. Its environment is emptied, so no
 * password or key the service was given in an environment variable reaches it.</li>
 * </ul>
 */
@Component
public class CandidateWorkers {
    private static final Logger log = LoggerFactory.getLogger(CandidateWorkers.class);
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static final long PROBE_AGAIN_AFTER_MS = 60_000;

    private final CandidateProperties properties;
    private final Path dataDirectory;
    private final Path signingKey;
    private final Semaphore slots;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "candidate-worker-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Probe probe;

    /** Whether workers can be started here, and if not why; probed once, a failure again after a minute. */
    private record Probe(String problem, long at) {
    }

    /**
     * @param dataDirectory the service's data (receipts, journal, checkpoints): hidden from every worker
     * @param signingKey    the decision log's checkpoint signing key (a file outside the data directory): hidden too
     */
    public CandidateWorkers(CandidateProperties properties,
                            @Value("${reglament.data-directory:./data}") Path dataDirectory,
                            @Value("${reglament.audit.log.signing-key:}") Path signingKey) {
        this.properties = properties;
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.signingKey = signingKey == null || signingKey.toString().isEmpty() ? null
                : signingKey.toAbsolutePath().normalize();
        this.slots = new Semaphore(Math.max(1, properties.maxWorkers()));
    }

    /**
     * A worker, started; the caller sends it the job and closes it.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when no worker can be started confined, or all
     *                                                        slots are taken
     */
    CandidateSession start() {
        requireAvailable();
        if (!slots.tryAcquire()) {
            throw CandidateProblems.busy(properties.maxWorkers());
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("reglament-candidate-");
            ProcessBuilder builder = new ProcessBuilder(command(scratch, worker(scratch))).directory(scratch.toFile());
            environment(builder.environment());
            return new CandidateSession(builder.start(), scratch, properties, timer, slots::release);
        } catch (IOException | RuntimeException e) {
            slots.release();
            deleteQuietly(scratch);
            throw e instanceof RuntimeException runtime ? runtime
                    : new UncheckedIOException("cannot start a candidate's worker", (IOException) e);
        }
    }

    /** Checks (once, and again a minute after a failure) that a confined worker starts here at all. */
    void requireAvailable() {
        Probe known = probe;
        if (known == null || (known.problem() != null && System.currentTimeMillis() - known.at() > PROBE_AGAIN_AFTER_MS)) {
            known = probe();
            probe = known;
            if (known.problem() != null) {
                log.error("Candidate knowledge bases are refused: {}", known.problem());
            } else if (properties.confinement() == Confinement.UNCONFINED) {
                log.warn("Candidate knowledge bases run UNCONFINED (reglament.candidates.confinement=unconfined): "
                        + "their rules can reach the network and write files");
            }
        }
        if (known.problem() != null) {
            throw CandidateProblems.unavailable(known.problem());
        }
    }

    private Probe probe() {
        Path scratch = null;
        Path output = null;
        try {
            scratch = Files.createTempDirectory("reglament-candidate-probe-");
            output = Files.createTempFile("reglament-candidate-probe-", ".out");
            List<String> java = new ArrayList<>(jvm(scratch));
            java.add("-version");
            ProcessBuilder builder = new ProcessBuilder(command(scratch, java)).directory(scratch.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            environment(builder.environment());
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Probe("a confined worker did not start within 30 s", System.currentTimeMillis());
            }
            if (process.exitValue() != 0) {
                String first = Files.readString(output, StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                return new Probe(confinementName() + " cannot start a worker here (exit status " + process.exitValue()
                        + ": " + first + ")", System.currentTimeMillis());
            }
            return new Probe(null, System.currentTimeMillis());
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s).*error=\\d+, ", "");
            return new Probe(confinementName() + " is not available (" + why + "); install Debian's "
                    + (properties.confinement() == Confinement.BUBBLEWRAP ? "bubblewrap" : "util-linux")
                    + " package, or set reglament.candidates.bubblewrap to where bwrap is", System.currentTimeMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe("interrupted while probing the confinement", System.currentTimeMillis());
        } finally {
            deleteQuietly(scratch);
            deleteQuietly(output);
        }
    }

    private String confinementName() {
        return properties.confinement() == Confinement.BUBBLEWRAP ? "bubblewrap (" + properties.bubblewrap() + ")"
                : "prlimit (" + properties.prlimit() + ")";
    }

    /** The confinement, then the limits, then {@code java}. */
    List<String> command(Path scratch, List<String> java) {
        List<String> command = new ArrayList<>();
        if (properties.confinement() == Confinement.BUBBLEWRAP) {
            String scratchPath = scratch.toString();
            command.addAll(List.of(properties.bubblewrap(), "--die-with-parent", "--new-session",
                    "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--cap-drop", "ALL",
                    "--ro-bind", "/", "/",
                    "--dev", "/dev", "--size", "1048576", "--tmpfs", "/dev/shm", "--remount-ro", "/dev",
                    "--proc", "/proc"));
            for (Path hidden : hidden()) {
                // a directory is mounted over with an empty tmpfs, a file with /dev/null
                command.addAll(Files.isDirectory(hidden) ? List.of("--size", "4096", "--tmpfs", hidden.toString())
                        : List.of("--ro-bind", "/dev/null", hidden.toString()));
            }
            command.addAll(List.of("--size", Long.toString(properties.scratch().toBytes()), "--tmpfs", scratchPath,
                    "--chdir", scratchPath, "--"));
        }
        long cpu = Math.max(1, properties.cpuTime().toSeconds());
        command.addAll(List.of(properties.prlimit(), "--cpu=" + cpu + ":" + (cpu + 5),
                "--as=" + properties.addressSpace().toBytes(), "--fsize=" + properties.maxFileSize().toBytes(),
                "--core=0", "--"));
        command.addAll(java);
        return command;
    }

    /**
     * What a worker must not read, where it exists: the data directory (receipts, journal, checkpoints), the log's
     * signing key (a candidate that read it could sign checkpoints), and the configured paths (files of secrets).
     */
    private List<Path> hidden() {
        List<Path> hidden = new ArrayList<>();
        hidden.add(dataDirectory);
        if (signingKey != null) {
            hidden.add(signingKey);
        }
        properties.hiddenPaths().stream().filter(path -> !path.toString().isEmpty())
                .forEach(path -> hidden.add(path.toAbsolutePath().normalize()));
        return hidden.stream().filter(Files::exists).distinct().toList();
    }

    private List<String> worker(Path scratch) {
        List<String> java = new ArrayList<>(jvm(scratch));
        java.addAll(launch(System.getProperty("java.class.path")));
        return java;
    }

    /** A short-lived JVM: the C1 compiler and the serial collector start fastest, bounded everywhere it allocates. */
    private List<String> jvm(Path scratch) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + properties.heap().toMegabytes() + "m", "-Xms32m",
                "-XX:MaxMetaspaceSize=256m", "-XX:CompressedClassSpaceSize=64m", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-XX:+DisplayVMOutputToStderr", "-XX:ErrorFile=" + scratch.resolve("hs_err.log"),
                "-Djava.io.tmpdir=" + scratch, "-Duser.home=" + scratch, "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8");
    }

    /**
     * How to run {@link CandidateWorker} on the service's own class path: directly, or (from the Spring Boot jar,
     * whose classes are nested and need its loader) through {@code PropertiesLauncher}.
     */
    static List<String> launch(String classPath) {
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).toList();
        if (entries.size() == 1 && isBootJar(Path.of(entries.get(0)))) {
            return List.of("-cp", entries.get(0), "-Dloader.main=" + CandidateWorker.class.getName(), BOOT_LAUNCHER);
        }
        return List.of("-cp", String.join(File.pathSeparator, entries), CandidateWorker.class.getName());
    }

    private static boolean isBootJar(Path path) {
        if (!path.toString().endsWith(".jar") || !Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static void environment(Map<String, String> environment) {
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        // glibc's per-thread arenas would otherwise reserve most of the address-space limit
        environment.put("MALLOC_ARENA_MAX", "2");
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", directory, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
