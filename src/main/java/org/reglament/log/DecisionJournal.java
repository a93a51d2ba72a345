package org.reglament.log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decision log's write-ahead journal on the embedded database. A group commit into H2 rewrites the last pages
 * of the receipt table and its indexes whatever the group's size, and under load that was most of what the log
 * cost (docs/benchmarks.md). With the journal, each group is appended to a local file in one write, which is
 * as durable against the process dying as H2's commit was (and against power loss with {@code journal-force}),
 * and the answers go; the database takes the receipts behind it, hundreds per transaction. At start, whatever
 * the journal holds beyond the database's head is written into it before any decision is answered.
 * <p>
 * With a server database (PostgreSQL) the journal is off by default: the database is the durable copy, and a
 * local file on a container's disk would not be. Settings: {@code reglament.audit.log.journal} = auto (on with
 * H2) | true | false, {@code reglament.audit.log.journal-directory}, {@code reglament.audit.log.journal-force}.
 * <p>
 * A segment file starts with {@link #MAGIC}; each record is its length, its CRC-32C and the group. Only the
 * writer thread appends; the thread that brings the database up to date releases segments it has stored.
 */
@Component
public class DecisionJournal {
    static final byte[] MAGIC = "REGLAMENT-JOURNAL-2\n".getBytes(StandardCharsets.US_ASCII);
    /** The hash-chain journal before the log became Merkle streams: a clean stop of that version empties it. */
    private static final byte[] EARLIER = "REGLAMENT-JOURNAL-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".journal";
    /** A new segment starts past this size, so stored receipts can be released a segment at a time. */
    static final long SEGMENT_BYTES = 16L * 1024 * 1024;

    private final boolean enabled;
    private final Path directory;
    private final boolean force;
    private final Queue<Segment> closed = new ConcurrentLinkedQueue<>();
    private FileChannel channel;
    private Path current;
    private long written;
    private boolean broken;

    public DecisionJournal(@Value("${reglament.audit.log.journal:auto}") String mode,
                           @Value("${reglament.audit.log.journal-directory:${reglament.data-directory}/journal}") Path directory,
                           @Value("${reglament.audit.log.journal-force:false}") boolean force,
                           @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.enabled = switch (mode) {
            case "auto" -> datasourceUrl.startsWith("jdbc:h2:");
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(
                    "reglament.audit.log.journal must be auto, true or false, not \"" + mode + "\"");
        };
        this.directory = directory;
        this.force = force;
    }

    private record Segment(Path path, int stream, long treeSize) {
    }

    public boolean enabled() {
        return enabled;
    }

    Path directory() {
        return directory;
    }

    /**
     * Every group the journal holds, in order. A record cut short or not matching its checksum at the very end of
     * the last segment is a write the process died in: its receipts were never answered, and it is skipped.
     * Anywhere else it is damage, and reading stops with {@link Damaged}.
     */
    void recover(Consumer<ReceiptGroup> each) {
        List<Path> segments = segments();
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            Path segment = segments.get(i);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(segment);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the journal segment " + segment, e);
            }
            if (bytes.length < MAGIC.length && last) {
                return; // created, then the process died before anything was appended
            }
            if (bytes.length >= EARLIER.length && Arrays.equals(bytes, 0, EARLIER.length, EARLIER, 0, EARLIER.length)) {
                throw new Damaged(segment + " is a journal of the hash-chained log of an earlier version: start that "
                        + "version once and stop it cleanly (it empties its journal), then start this one");
            }
            if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new Damaged(segment + " is not a Reglament journal segment");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, MAGIC.length, bytes.length - MAGIC.length);
            while (buffer.hasRemaining()) {
                int start = buffer.position();
                int length = buffer.remaining() >= 8 ? buffer.getInt() : -1;
                int checksum = length >= 0 ? buffer.getInt() : 0;
                if (length < 0 || length > buffer.remaining()) {
                    if (last) {
                        return;
                    }
                    throw new Damaged(segment + " is cut short at byte " + start);
                }
                byte[] record = new byte[length];
                buffer.get(record);
                if (checksum(record) != checksum) {
                    if (last && !buffer.hasRemaining()) {
                        return;
                    }
                    throw new Damaged(segment + " has a damaged record at byte " + start);
                }
                each.accept(decode(record));
            }
        }
    }

    /** Starts a new segment; the next receipt appended is leaf {@code nextLeaf} of {@code stream}. */
    void open(int stream, long nextLeaf) {
        try {
            Files.createDirectories(directory);
            current = directory.resolve(String.format("s%010d-%020d%s", stream, nextLeaf, SUFFIX));
            channel = FileChannel.open(current, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            writeFully(ByteBuffer.wrap(MAGIC));
            written = MAGIC.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a journal segment in " + directory, e);
        }
    }

    /**
     * Appends a group in one write. When the write fails the segment is cut back to where it was, so the next
     * group follows the last whole one; if even that fails, the journal takes no more groups.
     */
    void append(ReceiptGroup group) {
        if (broken) {
            throw new IllegalStateException("the journal segment " + current + " could not be repaired after a failed write");
        }
        byte[] record = encode(group);
        ByteBuffer buffer = ByteBuffer.allocate(8 + record.length);
        buffer.putInt(record.length).putInt(checksum(record)).put(record).flip();
        try {
            writeFully(buffer);
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            try {
                channel.truncate(written);
                channel.position(written);
            } catch (IOException repair) {
                broken = true;
                e.addSuppressed(repair);
            }
            throw new UncheckedIOException("cannot append to the journal segment " + current, e);
        }
        written += buffer.limit();
        if (written > SEGMENT_BYTES) {
            close();
            closed.add(new Segment(current, group.stream(), group.treeSize()));
            open(group.stream(), group.treeSize());
        }
    }

    /** Deletes the closed segments whose receipts are all in the database (which holds the stream's first leaves). */
    void release(int stream, long storedSize) {
        for (Segment segment = closed.peek(); segment != null && (segment.stream() != stream
                || segment.treeSize() <= storedSize); segment = closed.peek()) {
            closed.poll();
            delete(segment.path());
        }
    }

    /** Deletes every segment: the database holds everything they held. */
    void releaseAll() {
        closed.clear();
        segments().forEach(DecisionJournal::delete);
    }

    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the journal segment " + current, e);
            }
            channel = null;
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private List<Path> segments() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        // Named by their stream and first leaf, zero-padded: name order is the order they were written in.
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal in " + directory, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the journal segment " + path, e);
        }
    }

    private static int checksum(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record);
        return (int) crc.getValue();
    }

    static byte[] encode(ReceiptGroup group) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048 * group.rows().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(group.dictionaries().size());
            for (Map.Entry<String, byte[]> dictionary : group.dictionaries().entrySet()) {
                writeText(out, dictionary.getKey());
                out.writeInt(dictionary.getValue().length);
                out.write(dictionary.getValue());
            }
            out.writeInt(group.stream());
            writeText(out, group.root());
            out.writeInt(group.rows().size());
            for (ReceiptRepository.Row row : group.rows()) {
                out.writeLong(row.leafIndex());
                for (String text : List.of(row.decisionId(), row.decision(), row.asOf().toString(),
                        row.actId(), row.edition(), row.knowledgeBaseVersion(), row.answeredAt(), row.caller(),
                        row.request(), row.answer(), row.digest())) {
                    writeText(out, text);
                }
                writeText(out, row.registryId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ReceiptGroup decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int dictionaryCount = in.readInt();
            Map<String, byte[]> dictionaries = new LinkedHashMap<>();
            for (int i = 0; i < dictionaryCount; i++) {
                String id = readText(in);
                dictionaries.put(id, in.readNBytes(in.readInt()));
            }
            int stream = in.readInt();
            String root = readText(in);
            int rowCount = in.readInt();
            List<ReceiptRepository.Row> rows = new ArrayList<>(rowCount);
            for (int i = 0; i < rowCount; i++) {
                long leafIndex = in.readLong();
                String decisionId = readText(in);
                String decision = readText(in);
                LocalDate asOf = LocalDate.parse(readText(in));
                String actId = readText(in);
                String edition = readText(in);
                String knowledgeBaseVersion = readText(in);
                String answeredAt = readText(in);
                String caller = readText(in);
                String request = readText(in);
                String answer = readText(in);
                String digest = readText(in);
                String registryId = readText(in);
                rows.add(new ReceiptRepository.Row(stream, leafIndex, decisionId, decision, registryId, asOf, actId, edition,
                        knowledgeBaseVersion, answeredAt, caller, request, answer, digest));
            }
            return new ReceiptGroup(stream, rows, dictionaries, root);
        } catch (IOException | RuntimeException e) {
            throw new Damaged("a journal record whose checksum matches does not decode: " + e.getMessage());
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The journal holds something that is not what the writer wrote: the log will not open over it. */
    public static class Damaged extends RuntimeException {
        public Damaged(String message) {
            super(message);
        }
    }
}
