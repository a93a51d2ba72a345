package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal gives back exactly what was appended, skips only a write the process died in, and refuses damage. */
class DecisionJournalTest {
    @TempDir
    Path directory;

    /** Receipts of stream 1 from its first leaf, each group with the tree's root after it, as the writer seals them. */
    static List<ReceiptGroup> groups(int count, int perGroup, String answer) {
        List<ReceiptGroup> groups = new ArrayList<>();
        MerkleTree.Frontier tree = MerkleTree.Frontier.empty();
        long seq = 0;
        for (int g = 0; g < count; g++) {
            List<ReceiptRepository.Row> rows = new ArrayList<>();
            for (int i = 0; i < perGroup; i++) {
                seq++;
                String request = "{\"asOf\":\"2018-10-01\",\"n\":" + seq + "}";
                String decisionId = "00000000-0000-8000-8000-" + String.format("%012d", seq);
                String registryId = seq % 2 == 0 ? null : "41000000000" + seq;
                String digest = Receipt.digest(decisionId, "action-matrix", registryId, LocalDate.of(2018, 10, 1),
                        "ru/kamchatka_guidelines", "2018", "kb-test", "2026-11-22T10:00:00.000Z", "anonymous",
                        request.getBytes(StandardCharsets.UTF_8), answer.getBytes(StandardCharsets.UTF_8));
                rows.add(new ReceiptRepository.Row(1, seq - 1, decisionId, "action-matrix", registryId,
                        LocalDate.of(2018, 10, 1), "ru/kamchatka_guidelines", "2018", "kb-test",
                        "2026-11-22T10:00:00.000Z", "anonymous", request, answer, digest));
            }
            Map<String, byte[]> dictionaries = new LinkedHashMap<>();
            if (g == 0) {
                dictionaries.put("d".repeat(64), "{\"цитата\":\"п. 3.1.4.3\"}".getBytes(StandardCharsets.UTF_8));
            }
            ReceiptGroup unrooted = new ReceiptGroup(1, rows, dictionaries, null);
            tree = tree.append(unrooted.leafHashes());
            groups.add(new ReceiptGroup(1, rows, dictionaries, java.util.HexFormat.of().formatHex(tree.root())));
        }
        return groups;
    }

    private DecisionJournal journal() {
        return new DecisionJournal("true", directory, false, "jdbc:h2:mem:unused");
    }

    private List<ReceiptGroup> recovered() {
        List<ReceiptGroup> read = new ArrayList<>();
        journal().recover(read::add);
        return read;
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void givesBackEveryGroupAsItWasAppended() {
        List<ReceiptGroup> written = groups(3, 4, "{\"ответ\":\"1\"}");
        DecisionJournal journal = journal();
        journal.open(1, 0);
        written.forEach(journal::append);
        journal.close();

        List<ReceiptGroup> read = recovered();
        assertThat(read).hasSize(3);
        for (int g = 0; g < 3; g++) {
            assertThat(read.get(g).rows()).isEqualTo(written.get(g).rows());
            assertThat(read.get(g).stream()).isEqualTo(1);
            assertThat(read.get(g).root()).isEqualTo(written.get(g).root()).hasSize(64);
            assertThat(read.get(g).dictionaries().keySet()).isEqualTo(written.get(g).dictionaries().keySet());
        }
        assertThat(read.get(0).dictionaries().get("d".repeat(64)))
                .isEqualTo(written.get(0).dictionaries().get("d".repeat(64)));
        assertThat(read.get(1).rows().get(1).registryId()).isNull();
    }

    /** A segment holding two groups of three receipts, closed. */
    private Path segmentOfTwoGroups() throws IOException {
        DecisionJournal journal = journal();
        journal.open(1, 0);
        groups(2, 3, "{}").forEach(journal::append);
        journal.close();
        return segments().get(0);
    }

    @Test
    void aWriteTheProcessDiedInIsSkipped() throws IOException {
        Path segment = segmentOfTwoGroups();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 5);
        }
        // The first group whole, as it was appended; the second, cut short, not at all.
        assertThat(recovered()).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(groups(2, 3, "{}").get(0));
    }

    @Test
    void damageBeforeTheEndIsRefused() throws IOException {
        Path segment = segmentOfTwoGroups();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[DecisionJournal.MAGIC.length + 40] ^= 1;
        Files.write(segment, bytes);
        assertThatThrownBy(this::recovered).isInstanceOf(DecisionJournal.Damaged.class)
                .hasMessageContaining("damaged record at byte " + DecisionJournal.MAGIC.length);
    }

    @Test
    void aFileThatIsNotAJournalIsRefused() throws IOException {
        Files.writeString(directory.resolve("s0000000001-00000000000000000000.journal"), "something else entirely");
        assertThatThrownBy(this::recovered).isInstanceOf(DecisionJournal.Damaged.class)
                .hasMessageContaining("is not a Reglament journal segment");
    }

    @Test
    void segmentsRollAndAreReleasedOnceStored() throws IOException {
        // Groups of just over 1 MB (four 256-KB answers and the rest): the 16th takes the first segment past its
        // 16 MB, so it closes after leaf 63 (64 receipts) and the second starts at leaf 64.
        String answer = "x".repeat(256 * 1024);
        List<ReceiptGroup> written = groups(20, 4, answer);
        DecisionJournal journal = journal();
        journal.open(1, 0);
        written.forEach(journal::append);
        List<Path> before = segments();
        assertThat(before).hasSize(2);
        long inFirst = 64;
        assertThat(before.get(1).getFileName().toString()).isEqualTo(String.format("s%010d-%020d.journal", 1, inFirst));
        assertThat(recovered().stream().mapToLong(group -> group.rows().size()).sum()).isEqualTo(80);

        journal.release(1, inFirst - 1);
        assertThat(segments()).hasSize(2);
        journal.release(1, inFirst);
        assertThat(segments()).containsExactly(before.get(1));
        journal.close();
        journal.releaseAll();
        assertThat(segments()).isEmpty();
    }

    @Test
    void aJournalOfTheHashChainedLogSaysHowToEmptyIt() throws IOException {
        Files.writeString(directory.resolve("00000000000000000001.journal"), "REGLAMENT-JOURNAL-1\nrest");
        assertThatThrownBy(this::recovered).isInstanceOf(DecisionJournal.Damaged.class)
                .hasMessageContaining("earlier version").hasMessageContaining("stop it cleanly");
    }

    @Test
    void theModeIsAutoTrueOrFalse() {
        assertThat(new DecisionJournal("auto", directory, false, "jdbc:h2:file:./data/log").enabled()).isTrue();
        assertThat(new DecisionJournal("auto", directory, false, "jdbc:postgresql://db/log").enabled()).isFalse();
        assertThat(new DecisionJournal("false", directory, false, "jdbc:h2:file:./data/log").enabled()).isFalse();
        assertThatThrownBy(() -> new DecisionJournal("yes", directory, false, "jdbc:h2:mem:x"))
                .hasMessageContaining("auto, true or false");
    }
}
