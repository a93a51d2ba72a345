package org.reglament.candidate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reglament.candidate.CandidateProblems.CandidateFailed;
import org.reglament.candidate.CandidateProblems.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * One running worker, as the service sees it: messages out on its stdin, replies read from its stdout on a thread of
 * their own so that every wait has a wall clock, and whatever ends it (its limits, its own exit, an answer too large)
 * turned into a {@link CandidateFailed} that says what happened. Closing ends the process and frees its slot.
 */
final class CandidateSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CandidateSession.class);
    /** The process died of SIGXCPU: the soft CPU-time limit (prlimit --cpu). */
    private static final int KILLED_BY_SIGXCPU = 128 + 24;
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    private static final int STDERR_KEPT = 16 * 1024;

    private final Process process;
    private final Path scratch;
    private final CandidateProperties limits;
    private final Runnable release;
    private final ObjectMapper mapper = WorkerProtocol.mapper();
    private final OutputStream stdin;
    private final BlockingQueue<Line> replies = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final long deadline;
    private final ScheduledFuture<?> watchdog;
    private volatile boolean outOfTime;
    private boolean closed;

    /** What the worker was doing: for "did not … within" and "while …". */
    private enum Activity {
        COMPILING("compile the candidate", "compiling the candidate"),
        DECIDING("answer a decision", "answering a decision");

        final String infinitive;
        final String gerund;

        Activity(String infinitive, String gerund) {
            this.infinitive = infinitive;
            this.gerund = gerund;
        }
    }

    /** A line of stdout, or why there are no more. */
    private record Line(String text, boolean end, boolean tooLong) {
    }

    CandidateSession(Process process, Path scratch, CandidateProperties limits, ScheduledExecutorService timer,
                     Runnable release) {
        this.process = process;
        this.scratch = scratch;
        this.limits = limits;
        this.release = release;
        this.stdin = process.getOutputStream();
        this.deadline = System.nanoTime() + limits.sessionTimeout().toNanos();
        long pid = process.pid();
        daemon("candidate-worker-" + pid + "-out", () -> readReplies(process.getInputStream()));
        daemon("candidate-worker-" + pid + "-err", () -> drain(process.getErrorStream()));
        // The whole session's wall clock holds even while the service is not waiting for a reply.
        this.watchdog = timer.schedule(() -> kill(true), limits.sessionTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the job; the worker's first reply: compiled or refused (a failure is thrown). */
    WorkerProtocol.Reply compile(WorkerProtocol.Job job) {
        send(job, Activity.COMPILING);
        return await(limits.compileTimeout(), Activity.COMPILING);
    }

    /** One recorded request decided by the candidate: answered (an answer or the decision's refusal). */
    WorkerProtocol.Reply decide(String decision, String canonicalRequest) {
        send(new WorkerProtocol.Decide(decision, canonicalRequest), Activity.DECIDING);
        return await(limits.decisionTimeout(), Activity.DECIDING);
    }

    private void send(Object message, Activity activity) {
        try {
            stdin.write(mapper.writeValueAsBytes(message));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException gone) {
            throw ended(activity);
        }
    }

    private WorkerProtocol.Reply await(Duration timeout, Activity activity) {
        long wait = Math.min(timeout.toNanos(), deadline - System.nanoTime());
        Line line;
        try {
            line = wait <= 0 ? null : replies.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(false);
            throw new IllegalStateException("interrupted while a candidate's worker was running", e);
        }
        if (line == null) {
            kill(true);
            boolean session = deadline - System.nanoTime() <= 0;
            throw failure(Reason.TIME_LIMIT, "the candidate did not " + activity.infinitive + " within "
                    + seconds(session ? limits.sessionTimeout() : timeout)
                    + (session ? " (the worker's time in all)" : "") + ": the worker was stopped");
        }
        if (line.tooLong()) {
            kill(false);
            throw failure(Reason.ANSWER_TOO_LARGE, "the worker's reply exceeds " + limits.maxReply().toBytes()
                    + " bytes: the worker was stopped");
        }
        if (line.end()) {
            throw ended(activity);
        }
        WorkerProtocol.Reply reply;
        try {
            reply = mapper.readValue(line.text(), WorkerProtocol.Reply.class);
        } catch (JsonProcessingException e) {
            kill(false);
            throw failure(Reason.UNREADABLE_ANSWER, "the worker's reply is not the protocol's JSON (the candidate "
                    + "may have written to the worker's output): the worker was stopped");
        }
        if (WorkerProtocol.FAILED.equals(reply.kind())) {
            throw failure(reason(reply.reason()), reply.detail());
        }
        return reply;
    }

    /** Stdout closed: the process is ending; its exit status and stderr say why. */
    private CandidateFailed ended(Activity activity) {
        Integer status = exitStatus(Duration.ofSeconds(5));
        String errors = stderr();
        if (outOfTime) {
            return failure(Reason.TIME_LIMIT, "the worker ran out of its time (" + seconds(limits.sessionTimeout())
                    + " in all) while " + activity.gerund + ": it was stopped");
        }
        if (errors.contains("OutOfMemoryError") || errors.contains("Native memory allocation")
                || errors.contains("Cannot allocate memory")) {
            return failure(Reason.MEMORY, "the candidate ran out of the worker's memory (heap "
                    + limits.heap().toMegabytes() + " MB, address space " + limits.addressSpace().toMegabytes()
                    + " MB) while " + activity.gerund);
        }
        if (status != null && status == KILLED_BY_SIGXCPU) {
            return failure(Reason.CPU_TIME, "the candidate used up the worker's CPU time ("
                    + seconds(limits.cpuTime()) + ") while " + activity.gerund + ": the worker was stopped");
        }
        if (status != null && status == KILLED_BY_SIGKILL) {
            return failure(Reason.KILLED, "the worker was killed (SIGKILL: the hard CPU-time limit or the system's "
                    + "memory) while " + activity.gerund);
        }
        return failure(Reason.EXITED, "the worker exited" + (status == null ? "" : " with status " + status)
                + " while " + activity.gerund + ", before it answered (the candidate's code ended its process)");
    }

    private CandidateFailed failure(Reason reason, String detail) {
        log.warn("A candidate's worker failed ({}): {}; its last output: {}", reason.code, detail, lastLines(stderr()));
        return new CandidateFailed(reason, detail, null, null);
    }

    private static Reason reason(String code) {
        for (Reason reason : Reason.values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        return Reason.UNREADABLE_ANSWER;
    }

    private Integer exitStatus(Duration wait) {
        try {
            if (process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(false);
        return null;
    }

    private void kill(boolean forTime) {
        if (forTime && process.isAlive()) {
            outOfTime = true;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.cancel(false);
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the worker is gone already
        }
        if (exitStatus(Duration.ofSeconds(2)) == null) {
            log.debug("A candidate's worker did not exit when its input closed; it was stopped");
        }
        try {
            FileSystemUtils.deleteRecursively(scratch);
        } catch (IOException e) {
            log.warn("Cannot delete a candidate worker's scratch directory {}: {}", scratch, e.getMessage());
        }
        release.run();
    }

    /** Splits stdout into lines, none longer than the limit: a worker cannot make the service hold more. */
    private void readReplies(InputStream out) {
        long max = limits.maxReply().toBytes();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (out) {
            for (int read = out.read(buffer); read >= 0; read = out.read(buffer)) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        if (line.size() > max) {
                            replies.add(new Line(null, false, true));
                            return;
                        }
                        replies.add(new Line(line.toString(StandardCharsets.UTF_8), false, false));
                        line.reset();
                        start = i + 1;
                    }
                }
                line.write(buffer, start, read - start);
                if (line.size() > max) {
                    replies.add(new Line(null, false, true));
                    return;
                }
            }
        } catch (IOException e) {
            // the process ended; the end marker follows
        }
        replies.add(new Line(null, true, false));
    }

    private void drain(InputStream err) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(err, StandardCharsets.UTF_8)) {
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                synchronized (stderr) {
                    stderr.append(buffer, 0, read);
                    if (stderr.length() > STDERR_KEPT) {
                        stderr.delete(0, stderr.length() - STDERR_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private String stderr() {
        // the drain thread may still be reading what the process wrote just before it ended
        for (int i = 0; i < 20 && process.isAlive(); i++) {
            sleep(50);
        }
        sleep(50);
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 5), lines.length));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
