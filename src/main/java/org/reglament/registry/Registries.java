package org.reglament.registry;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.apache.commons.io.input.CloseShieldInputStream;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.Edition;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Registry files in batch: a file in, the same file with the matrix filled in or checked out, row by row. The
 * command line and the HTTP endpoint both run through here; the decisions are {@link ActionMatrixDecisions}'.
 */
@Component
public class Registries {
    private final ActionMatrixDecisions decisions;
    private final KnowledgeBases knowledgeBases;
    /** The service's validator, or the command line's, built only when a row needs it ({@link RowParser}). */
    private final Supplier<Validator> validator;
    private final ObjectMapper json;
    private final RegistryLimits limits;

    @Autowired
    public Registries(ActionMatrixDecisions decisions, KnowledgeBases knowledgeBases, Validator validator,
                      ObjectMapper json, RegistryLimits limits) {
        this(decisions, knowledgeBases, () -> validator, json, limits);
    }

    private Registries(ActionMatrixDecisions decisions, KnowledgeBases knowledgeBases, Supplier<Validator> validator,
                       ObjectMapper json, RegistryLimits limits) {
        this.decisions = decisions;
        this.knowledgeBases = knowledgeBases;
        this.validator = validator;
        this.json = json;
        this.limits = limits;
    }

    /** What the file is: its format, the charset its sender declared (null: told from the bytes), the sheet wanted. */
    public record Input(RegistryFormat format, Charset charset, String sheet) {
    }

    /**
     * What the batch is asked to do, under the readings of section 3.1.4 it chooses for every row (null: the default
     * reading, as on the JSON endpoints: {@code mfcOnlyBooking} of 3.1.4.2, {@code otherCasesDecidedBy} of 3.1.4.3
     * para. 3).
     */
    public record Job(RegistryMode mode, LocalDate asOf, RegistryFormat output, String decisionId,
                      MfcOnlyBooking mfcOnlyBooking, OtherCasesDecidedBy otherCasesDecidedBy) {

        public Job(RegistryMode mode, LocalDate asOf, RegistryFormat output, String decisionId) {
            this(mode, asOf, output, decisionId, null, null);
        }
    }

    public RegistryLimits limits() {
        return limits;
    }

    /** The decisions without the service (the command line): the knowledge base given, nothing recorded or counted. */
    public static Registries standalone(KnowledgeBase knowledgeBase, int threads) {
        KnowledgeBases knowledgeBases = new KnowledgeBases(knowledgeBase);
        ActionMatrixDecisions decisions = new ActionMatrixDecisions(knowledgeBases, new Envelopes(),
                new DecisionMetrics(new SimpleMeterRegistry()));
        JsonMapper json = JsonMapper.builder().findAndAddModules()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        RegistryLimits defaults = RegistryLimits.defaults();
        return new Registries(decisions, knowledgeBases, () -> CommandLineValidator.VALIDATOR, json, new RegistryLimits(
                defaults.maxBodyBytes(), defaults.maxColumns(), defaults.maxRowChars(), defaults.maxRows(), threads));
    }

    /**
     * The command line's validator, built the first time a row may break a constraint (most files: never). Why not
     * at once: building Hibernate Validator's factory and first validations was a tenth of a 100,000-row run's time in
     * a fresh JVM (issue 15, point 7). A class's initialisation runs once, whichever deciding thread comes first.
     */
    private static final class CommandLineValidator {
        static final Validator VALIDATOR;

        static {
            ValidatorFactory validation = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
            VALIDATOR = validation.getValidator();
        }
    }

    /** What a batch does with a reader once it has one: the file's digest is complete when the reader is done. */
    private interface Work<T> {
        T on(RegistryReader reader, Supplier<String> fileDigest) throws IOException;
    }

    /**
     * A table other than a registry read through the same readers and limits (a plan of amendments, Kamchatka
     * guidelines section 2): each row as it comes, then the file's digest.
     */
    public interface Table<T> {
        void row(long number, java.util.List<String> cells);

        T end(String fileDigest, String sheet);
    }

    /** Reads a table sent in a stream (an HTTP body) as {@link #run(InputStream, Input, Job, OutputStream, LongConsumer)} reads a registry. */
    public <T> T read(InputStream body, Input input, Table<T> table) throws IOException {
        return read(body, input, (reader, digest) -> {
            reader.read((number, cells) -> table.row(number, cells));
            return table.end(digest.get(), reader.sheet());
        });
    }

    /**
     * Runs a file of the file system (the command line); the digest of the file is taken as it is read.
     *
     * @throws RegistryFileException when the file cannot be read as a registry
     * @throws org.reglament.knowledgebase.NoEditionInForceException when no encoded edition answers for the date
     */
    public BatchSummary run(Path file, Input input, Job job, OutputStream out, LongConsumer progress) throws IOException {
        KnowledgeBase knowledgeBase = knowledgeBases.get();
        Edition edition = editionInForce(knowledgeBase, job.asOf());
        Work<BatchSummary> work = (reader, digest) -> batch(reader, digest, edition, job, knowledgeBase, progress,
                writer(job.output(), out, reader));
        if (input.format() == RegistryFormat.XLSX) {
            String digest = digestOf(file);
            return work.on(new XlsxRegistryReader(file, input.sheet(), limits), () -> digest);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            return text(raw, input, work);
        }
    }

    /**
     * Runs a file sent in a stream (an HTTP body). A workbook is first copied to a temporary file (POI reads its parts
     * in any order); CSV and JSON Lines are read as they arrive.
     */
    public BatchSummary run(InputStream body, Input input, Job job, OutputStream out, LongConsumer progress)
            throws IOException {
        KnowledgeBase knowledgeBase = knowledgeBases.get();
        Edition edition = editionInForce(knowledgeBase, job.asOf());
        return read(body, input, (reader, digest) -> batch(reader, digest, edition, job, knowledgeBase, progress,
                writer(job.output(), out, reader)));
    }

    /** Runs a file again with the knowledge base that answered it, for a replay's account of its rows. */
    BatchSummary replay(InputStream body, Input input, Job job, KnowledgeBase recorded,
                        Function<RegistryReader, RegistryWriter> writer) throws IOException {
        Edition edition = editionInForce(recorded, job.asOf());
        return read(body, input, (reader, digest) -> batch(reader, digest, edition, job, recorded, done -> { },
                writer.apply(reader)));
    }

    private <T> T read(InputStream body, Input input, Work<T> work) throws IOException {
        if (input.format() != RegistryFormat.XLSX) {
            return text(body, input, work);
        }
        Path spooled = Files.createTempFile("reglament-registry-", ".xlsx");
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(body, sha)) {
                Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            String digest = "sha256:" + HexFormat.of().formatHex(sha.digest());
            return work.on(new XlsxRegistryReader(spooled, input.sheet(), limits), () -> digest);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private <T> T text(InputStream raw, Input input, Work<T> work) throws IOException {
        MessageDigest sha = sha256();
        DigestInputStream digesting = new DigestInputStream(raw, sha);
        // The parsers close what they read; the rest of the file must still be read for its digest.
        InputStream in = CloseShieldInputStream.wrap(digesting);
        Supplier<String> digest = () -> {
            try {
                digesting.transferTo(OutputStream.nullOutputStream()); // whatever the reader left, so the digest is the file's
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        };
        if (input.format() == RegistryFormat.JSONL) {
            return work.on(new JsonLinesRegistryReader(in, limits, json), digest);
        }
        return work.on(new CsvRegistryReader(in, input.charset(), limits), digest);
    }

    private BatchSummary batch(RegistryReader reader, Supplier<String> fileDigest, Edition edition, Job job,
                               KnowledgeBase primary, LongConsumer progress, RegistryWriter writer) throws IOException {
        RegistryBatch batch = new RegistryBatch(decisions, knowledgeBases, primary, validator, job, limits, job.output() == RegistryFormat.JSONL || writer instanceof Replaying, progress);
        try (writer) {
            return batch.run(reader, writer, tally -> new BatchSummary(job.decisionId(), job.mode(), job.asOf(),
                    ActionMatrixDecisions.ACT, edition.edition(), primary.version(), fileDigest.get(), tally.sheet(),
                    tally.services(), tally.decided(), tally.withErrors(), tally.compliant(), tally.nonCompliant(),
                    tally.toWorkingGroup(), tally.breachesByRule(), tally.answersDigest(), job.mfcOnlyBooking(),
                    job.otherCasesDecidedBy()));
        }
    }

    /** A writer that compares answers, and so needs each row's envelope. */
    interface Replaying {
    }

    private RegistryWriter writer(RegistryFormat format, OutputStream out, RegistryReader reader) {
        OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
        RegistryWriter writer = switch (format) {
            case XLSX -> new XlsxRegistryWriter(buffered, reader::sheet);
            case JSONL -> {
                try {
                    yield new JsonLinesRegistryWriter(buffered, json);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case CSV -> new CsvRegistryWriter(buffered, reader instanceof CsvRegistryReader csv ? csv::delimiter : () -> ';');
        };
        return new Flushing(writer, buffered);
    }

    /** Flushes the buffer under the writer once the writer is done with it. */
    private record Flushing(RegistryWriter writer, OutputStream buffered) implements RegistryWriter {
        @Override
        public void start(java.util.List<SourceRow> preamble, java.util.List<SourceRow> headerRows,
                          java.util.List<String> header) throws IOException {
            writer.start(preamble, headerRows, header);
        }

        @Override
        public void row(RowOutcome outcome, java.util.List<String> cells) throws IOException {
            writer.row(outcome, cells);
        }

        @Override
        public Object prepare(java.util.List<String> cells) {
            return writer.prepare(cells);
        }

        @Override
        public void row(RowOutcome outcome, java.util.List<String> cells, Object prepared) throws IOException {
            writer.row(outcome, cells, prepared);
        }

        @Override
        public void finish(BatchSummary summary) throws IOException {
            writer.finish(summary);
        }

        @Override
        public void close() throws IOException {
            writer.close();
            buffered.flush();
        }
    }

    private static Edition editionInForce(KnowledgeBase knowledgeBase, LocalDate asOf) {
        return knowledgeBase.act(ActionMatrixDecisions.ACT).editionInForce(asOf);
    }

    private static String digestOf(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
