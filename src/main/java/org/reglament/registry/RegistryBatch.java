package org.reglament.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.InvalidRequestException;
import org.reglament.decision.UnanswerableException;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.log.IdentitySlots;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheck;
import org.reglament.matrix.MatrixCheckRequest;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import org.reglament.registry.RegistryFileException.Kind;

/**
 * Runs one registry file through the action-matrix decisions, row by row: the reading thread finds the header, cuts
 * the rows into chunks and writes the answers in the input's order; a few threads decide the chunks in between. At
 * most a few chunks are in flight, so memory stays flat whatever the file's length.
 *
 * <p>Each row becomes the request of the JSON endpoint ({@link ActionMatrixRequest} or {@link MatrixCheckRequest})
 * and is decided by {@link ActionMatrixDecisions}: the criteria are never re-implemented here. Within one batch the
 * answer for the same facts on the same date and knowledge-base version is taken from a cache: a decision is a function
 * of the facts, the date and the knowledge base (its edition follows from the date), and registries repeat fact
 * combinations.
 */
final class RegistryBatch {
    private static final int CHUNK = 256;
    /** Distinct fact combinations kept per batch; past this the cache starts again, so memory stays bounded. */
    private static final int CACHED = 4096;

    private final ActionMatrixDecisions decisions;
    private final KnowledgeBases knowledgeBases;
    /** The knowledge base the rows are decided with: the live one, or in a replay the recorded version. */
    private final KnowledgeBase primary;
    private final Supplier<Validator> validator;
    private final RegistryMode mode;
    private final LocalDate asOf;
    private final MfcOnlyBooking mfcOnlyBooking;
    private final OtherCasesDecidedBy otherCasesDecidedBy;
    private final RegistryLimits limits;
    private final boolean keepEnvelopes;
    private final LongConsumer progress;
    private final Map<Object, RowOutcome.Decided> cache = new ConcurrentHashMap<>();
    /**
     * The UTF-8 bytes of the answers' recurring cells, by identity, for the answers' digest: most of an answer's cells
     * are the knowledge base's texts (a rule's name, its clause, a reason written in the rule), the same objects in
     * every row, and encoding them again for every row was a tenth of the deciding threads' time.
     */
    private final IdentitySlots<byte[]> cellBytes = new IdentitySlots<>();

    private RegistryHeader header;
    private AnswerColumns columns;
    private RowParser parser;
    private RegistryWriter writer;
    private ExecutorService deciders;
    private final Deque<Future<List<Ready>>> inFlight = new ArrayDeque<>();
    private List<RegistryWriter.SourceRow> chunk = new ArrayList<>(CHUNK);
    private long lastHeaderRow = -1;
    private long rows;

    private final MessageDigest answers = sha256();
    private long services;
    private long decided;
    private long withErrors;
    private long compliant;
    private long nonCompliant;
    private long toWorkingGroup;
    private final Map<String, Long> breachesByRule = new TreeMap<>();

    RegistryBatch(ActionMatrixDecisions decisions, KnowledgeBases knowledgeBases, KnowledgeBase primary,
                  Supplier<Validator> validator, Registries.Job job, RegistryLimits limits,
                  boolean keepEnvelopes, LongConsumer progress) {
        this.decisions = decisions;
        this.knowledgeBases = knowledgeBases;
        this.primary = primary;
        this.validator = validator;
        this.mode = job.mode();
        this.asOf = job.asOf();
        this.mfcOnlyBooking = job.mfcOnlyBooking();
        this.otherCasesDecidedBy = job.otherCasesDecidedBy();
        this.limits = limits;
        this.keepEnvelopes = keepEnvelopes;
        this.progress = progress;
    }

    /** What the batch found, for the summary: the engine's part is added by the caller. */
    record Tally(RegistryHeader header, String sheet, long services, long decided, long withErrors, long compliant,
                 long nonCompliant, long toWorkingGroup, Map<String, Long> breachesByRule, String answersDigest) {
    }

    /**
     * Reads every row, decides it and writes the answer; {@code summary} makes the summary from the tally once the
     * last row is written, before the writer finishes (the summary sheet shows it).
     */
    BatchSummary run(RegistryReader reader, RegistryWriter writer, java.util.function.Function<Tally, BatchSummary> summary)
            throws IOException {
        this.writer = writer;
        List<RegistryWriter.SourceRow> first = new ArrayList<>();
        AtomicInteger threads = new AtomicInteger();
        deciders = Executors.newFixedThreadPool(limits.deciders(), task -> {
            Thread thread = new Thread(task, "registry-decide-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            reader.read((number, cells) -> {
                if (++rows > limits.maxRows()) {
                    throw new RegistryFileException(Kind.TOO_MANY_ROWS, "row " + number, "the file has more than "
                            + limits.maxRows() + " rows");
                }
                if (columns == null) {
                    first.add(new RegistryWriter.SourceRow(number, cells));
                    if (first.size() > RegistryHeader.SEARCHED_ROWS) {
                        begin(first);
                    }
                    return;
                }
                accept(new RegistryWriter.SourceRow(number, cells));
            });
            if (columns == null) {
                if (first.stream().allMatch(row -> blank(row.cells()))) {
                    throw new RegistryFileException(Kind.EMPTY, "(file)", "the file holds no rows");
                }
                begin(first);
            }
            submit();
            while (!inFlight.isEmpty()) {
                writeOldest();
            }
            if (services == 0) {
                throw new RegistryFileException(Kind.NO_ROWS, "(file)", "the file has a header but no rows of services");
            }
            BatchSummary result = summary.apply(new Tally(header, reader.sheet(), services, decided, withErrors,
                    compliant, nonCompliant, toWorkingGroup, Collections.unmodifiableMap(new TreeMap<>(breachesByRule)),
                    "sha256:" + HexFormat.of().formatHex(answers.digest())));
            writer.finish(result);
            return result;
        } finally {
            deciders.shutdownNow();
        }
    }

    private void begin(List<RegistryWriter.SourceRow> first) throws IOException {
        header = RegistryHeader.find(first.stream().map(RegistryWriter.SourceRow::cells).toList(), mode);
        columns = new AnswerColumns(header, mode);
        parser = new RowParser(header, mode, validator);
        List<RegistryWriter.SourceRow> preamble = first.subList(0, header.start());
        List<RegistryWriter.SourceRow> headerRows = first.subList(header.start(), header.start() + header.rows());
        lastHeaderRow = headerRows.get(headerRows.size() - 1).number();
        writer.start(List.copyOf(preamble), List.copyOf(headerRows), columns.outputHeader());
        for (RegistryWriter.SourceRow row : List.copyOf(first.subList(header.start() + header.rows(), first.size()))) {
            accept(row);
        }
    }

    private void accept(RegistryWriter.SourceRow row) throws IOException {
        chunk.add(row);
        if (chunk.size() == CHUNK) {
            submit();
        }
    }

    private void submit() throws IOException {
        if (chunk.isEmpty()) {
            return;
        }
        List<RegistryWriter.SourceRow> rows = chunk;
        chunk = new ArrayList<>(CHUNK);
        inFlight.add(deciders.submit(() -> DecisionMetrics.uncounted(
                () -> knowledgeBases.using(primary, () -> decideAll(rows)))));
        while (inFlight.size() > 2 * limits.deciders() + 1) {
            writeOldest();
        }
    }

    private void writeOldest() throws IOException {
        List<Ready> outcomes;
        try {
            outcomes = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the rows were decided", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a chunk of rows could not be decided", e.getCause());
        }
        for (Ready outcome : outcomes) {
            write(outcome);
        }
        progress.accept(services);
    }

    /**
     * A decided row as the reading thread writes it: its outgoing cells, what the writer prepared of them, and the bytes
     * it adds to the answers' digest, all made on the deciding thread (the reading thread, which writes in order, was
     * the batch's busiest).
     */
    private record Ready(RowOutcome outcome, List<String> cells, Object prepared, byte[] digested) {
    }

    private void write(Ready ready) throws IOException {
        RowOutcome outcome = ready.outcome();
        if (outcome.kind() == RowOutcome.Kind.SERVICE) {
            services++;
            if (outcome.answered()) {
                decided++;
                if (mode == RegistryMode.CHECK) {
                    if (outcome.decided().compliant()) {
                        compliant++;
                    } else if (!outcome.decided().breaches().isEmpty()) {
                        nonCompliant++;
                    } else if (outcome.decided().referred()) {
                        toWorkingGroup++;
                    }
                    outcome.decided().breaches().forEach(rule -> breachesByRule.merge(rule, 1L, Long::sum));
                }
            } else {
                withErrors++;
            }
            answers.update(ready.digested());
        }
        writer.row(outcome, ready.cells(), ready.prepared());
    }

    private List<Ready> decideAll(List<RegistryWriter.SourceRow> rows) {
        List<Ready> outcomes = new ArrayList<>(rows.size());
        for (RegistryWriter.SourceRow row : rows) {
            RowOutcome outcome = decide(row);
            List<String> cells = columns.outputRow(outcome.input(), outcome.answer());
            outcomes.add(new Ready(outcome, cells, writer.prepare(cells),
                    outcome.kind() == RowOutcome.Kind.SERVICE ? digested(outcome.row(), outcome.answer()) : null));
        }
        return outcomes;
    }

    private RowOutcome decide(RegistryWriter.SourceRow row) {
        List<RowProblem> unrecordable = new ArrayList<>();
        List<String> cells = recordable(row.cells(), unrecordable);
        if (!unrecordable.isEmpty()) {
            row = new RegistryWriter.SourceRow(row.number(), cells);
        }
        if (blank(cells)) {
            return new RowOutcome(row.number(), cells, RowOutcome.Kind.BLANK, null, null, List.of(), null, null);
        }
        if (row.number() == lastHeaderRow + 1 && columnNumbers(cells)) {
            return new RowOutcome(row.number(), cells, RowOutcome.Kind.NUMBERING, null, null, List.of(), null, null);
        }
        RowParser.ParsedRow parsed = parser.parse(cells);
        List<RowProblem> problems = new ArrayList<>(unrecordable);
        problems.addAll(parsed.problems());
        beyondTheHeader(cells, problems);
        if (!problems.isEmpty()) {
            return failed(row, parsed, problems);
        }
        Object request = mode == RegistryMode.DERIVE
                ? new ActionMatrixRequest(asOf, parsed.service(), mfcOnlyBooking, otherCasesDecidedBy)
                : new MatrixCheckRequest(asOf, parsed.service(), parsed.proposal(), mfcOnlyBooking, otherCasesDecidedBy);
        RowOutcome.Decided answer;
        try {
            answer = cached(parsed, request);
        } catch (InvalidRequestException | UnanswerableException refused) {
            String field = refused instanceof InvalidRequestException invalid ? invalid.field()
                    : ((UnanswerableException) refused).field();
            return failed(row, parsed, List.of(new RowProblem(field, refused.getMessage())));
        }
        List<String> answerCells = new ArrayList<>(answer.cells());
        answerCells.add("");
        return new RowOutcome(row.number(), cells, RowOutcome.Kind.SERVICE, parsed.service(), answer, List.of(),
                answerCells, request);
    }

    private RowOutcome failed(RegistryWriter.SourceRow row, RowParser.ParsedRow parsed, List<RowProblem> problems) {
        return new RowOutcome(row.number(), row.cells(), RowOutcome.Kind.SERVICE, parsed.service(), null,
                List.copyOf(problems), columns.errorsOnly(problems), null);
    }

    private RowOutcome.Decided cached(RowParser.ParsedRow parsed, Object request) {
        Object facts = mode == RegistryMode.DERIVE ? parsed.service().toFacts()
                : List.of(parsed.service().toFacts(), parsed.proposal());
        RowOutcome.Decided known = cache.get(facts);
        if (known != null) {
            return known;
        }
        if (request instanceof ActionMatrixRequest derive && !keepEnvelopes) {
            // A row of the form needs its cells alone: decided without the route, steps and envelope it would drop.
            return remember(facts, new RowOutcome.Decided(null, columns.cells(decisions.cells(derive)), List.of(),
                    true, false));
        }
        DecisionEnvelope<?> envelope = request instanceof ActionMatrixRequest derive ? decisions.derive(derive)
                : decisions.check((MatrixCheckRequest) request);
        List<String> breaches = envelope.result() instanceof MatrixCheck check
                ? check.violations().stream().map(MatrixCheck.Breach::rule).toList() : List.of();
        boolean complies = !(envelope.result() instanceof MatrixCheck check) || check.compliant();
        boolean referred = envelope.result() instanceof MatrixCheck check && !check.referrals().isEmpty();
        RowOutcome.Decided decided = new RowOutcome.Decided(keepEnvelopes ? envelope : null, columns.cells(envelope),
                breaches, complies, referred);
        return remember(facts, decided);
    }

    private RowOutcome.Decided remember(Object facts, RowOutcome.Decided decided) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(facts, decided);
        return decided;
    }

    /**
     * The row's cells as a receipt can record them. A cell holding text none could (half a surrogate pair, which a
     * JSON Lines escape can make of any value and which UTF-8 would write as «?»; a control or bidirectional character,
     * which reads otherwise on screen than in the digest) is a problem of its row, naming the column, and is carried
     * into the answer, and into the problems that quote it, with those characters as visible escapes.
     */
    private List<String> recordable(List<String> cells, List<RowProblem> problems) {
        List<String> recordable = cells;
        for (int c = 0; c < cells.size(); c++) {
            String refused = org.reglament.api.RequestValues.unrecordable(cells.get(c));
            if (refused != null) {
                if (recordable == cells) {
                    recordable = new ArrayList<>(cells);
                }
                recordable.set(c, org.reglament.api.RequestValues.escaped(cells.get(c)));
                String label = c < header.labels().size() ? header.labels().get(c) : "";
                problems.add(new RowProblem(label.isBlank() ? "column " + RegistryHeader.columnName(c) : label, refused));
            }
        }
        return recordable;
    }

    private void beyondTheHeader(List<String> cells, List<RowProblem> problems) {
        for (int c = columns.inputWidth(); c < cells.size(); c++) {
            if (!cells.get(c).isBlank()) {
                problems.add(new RowProblem(null, "a value beyond the header's last column (column "
                        + RegistryHeader.columnName(c) + ": «" + abbreviate(cells.get(c)) + "»); it is not kept"));
                return;
            }
        }
    }

    /** What a row adds to the answers' digest: its number, then each cell's length and UTF-8 bytes. */
    private byte[] digested(long row, List<String> cells) {
        byte[][] encoded = new byte[cells.size()][];
        int length = Long.BYTES;
        for (int c = 0; c < encoded.length; c++) {
            encoded[c] = cellBytes.kept(cells.get(c), RegistryBatch::utf8);
            length += Integer.BYTES + encoded[c].length;
        }
        ByteBuffer bytes = ByteBuffer.allocate(length).putLong(row);
        for (byte[] cell : encoded) {
            bytes.putInt(cell.length).put(cell);
        }
        return bytes.array();
    }

    private static byte[] utf8(String cell) {
        return cell.getBytes(StandardCharsets.UTF_8);
    }

    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** «1 2 3 … n» under the header: the form's numbering of its columns, not a service. */
    private static boolean columnNumbers(List<String> cells) {
        int expected = 1;
        for (String cell : cells) {
            if (cell.isBlank()) {
                continue;
            }
            if (!cell.trim().equals(Integer.toString(expected))) {
                return false;
            }
            expected++;
        }
        return expected > 5;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    static RegistryFileException rowTooLong(long row, long limit) {
        return new RegistryFileException(Kind.ROW_TOO_LONG, "row " + row, "row " + row + " is longer than " + limit
                + " characters");
    }

    static RegistryFileException tooManyColumns(long row, int columns, int limit) {
        return new RegistryFileException(Kind.TOO_MANY_COLUMNS, "row " + row, "row " + row + " has " + columns
                + " columns; a registry has at most " + limit);
    }

    static RegistryFileException formula(String cell, String text) {
        return new RegistryFileException(Kind.FORMULA, cell, "cell " + cell + " holds a formula"
                + (text == null ? "" : " («" + abbreviate(text) + "»)") + ": a registry is read as values; save the "
                + "cells as values (paste special → values) and send it again");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
