package org.reglament.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs this replica's stream's tree head every {@code checkpoint-interval-ms} when it has grown, and writes it out:
 * to the stream's row (any replica hands it out), to a file an auditor can copy
 * ({@code <checkpoint-directory>/stream-<n>.checkpoint}, replaced atomically), and every
 * {@code checkpoint-keep-seconds} to the stream's history in the database, which verification compares the tree with.
 * <p>
 * Why not a signature per answer: Ed25519 in the JDK takes about 0.8 ms here, more than a whole decision. A
 * checkpoint a second costs nothing measurable, and an answer carries the latest one: a later checkpoint covers the
 * receipt within the interval, and an inclusion proof shows it there.
 */
final class LogCheckpoints {
    private static final Logger log = LoggerFactory.getLogger(LogCheckpoints.class);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LogKey key;
    private final String origin;
    private final LogStreams streams;
    private final Supplier<LogStreams.Lease> lease;
    private final Supplier<MerkleTree.Frontier> tree;
    private final long intervalMs;
    private final long keepMs;
    private final Path directory;
    private volatile Checkpoint latest;
    private long lastKept;
    private volatile boolean running;
    private Thread thread;

    LogCheckpoints(LogKey key, String origin, LogStreams streams, Supplier<LogStreams.Lease> lease,
                   Supplier<MerkleTree.Frontier> tree, long intervalMs, long keepSeconds, Path directory) {
        this.key = key;
        this.origin = origin;
        this.streams = streams;
        this.lease = lease;
        this.tree = tree;
        this.intervalMs = intervalMs;
        this.keepMs = TimeUnit.SECONDS.toMillis(keepSeconds);
        this.directory = directory;
    }

    /** The origin line of a stream's checkpoints. */
    static String origin(String log, int stream) {
        return log + "/stream/" + stream;
    }

    Checkpoint latest() {
        return latest;
    }

    /** Signs the stream as it is when the log opens, so that every answer has a checkpoint to carry. */
    void start() {
        opened();
        running = true;
        thread = new Thread(this::loop, "decision-log-checkpoints");
        thread.setDaemon(true);
        thread.start();
    }

    /** The log (re)opened a stream: sign it now, and keep that checkpoint. */
    synchronized void opened() {
        latest = null;
        sign(true);
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            DecisionLog.join(thread, 5000);
        }
        try {
            sign(true);
        } catch (RuntimeException e) {
            log.warn("Could not sign the last checkpoint of the stream", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(intervalMs);
                sign(false);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not sign or publish a checkpoint: {}", e.getMessage());
            }
        }
    }

    private synchronized void sign(boolean keep) {
        LogStreams.Lease current = lease.get();
        MerkleTree.Frontier head = tree.get();
        if (current == null) {
            return;
        }
        Checkpoint previous = latest;
        boolean grown = previous == null || previous.stream() != current.stream() || previous.treeSize() != head.size();
        long now = System.currentTimeMillis();
        if (grown) {
            Checkpoint signed = key.sign(origin(origin, current.stream()), head.size(), head.root());
            latest = signed;
            streams.publish(current, signed);
            write(current.stream(), signed);
        }
        if ((keep || now - lastKept >= keepMs) && latest != null) {
            streams.keep(current.stream(), latest, INSTANT.format(Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.MILLIS)));
            lastKept = now;
        }
    }

    private void write(int stream, Checkpoint checkpoint) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("stream-" + stream + ".checkpoint");
            Path next = directory.resolve("stream-" + stream + ".checkpoint.next");
            Files.writeString(next, checkpoint.note(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not write the checkpoint file of stream {} in {}: {}", stream, directory, e.getMessage());
        }
    }
}
