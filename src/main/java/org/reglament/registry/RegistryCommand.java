package org.reglament.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongConsumer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseConfiguration;
import org.reglament.knowledgebase.KnowledgeBaseException;
import org.reglament.knowledgebase.NoEditionInForceException;
import org.reglament.decision.Coded;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reglament registry --in registry.xlsx --out matrix.xlsx --as-of 2018-10-01 [--mode check]}: a registry file
 * through the action-matrix decisions, without the service. The knowledge base is the one packaged in the jar (or
 * {@code --rules}), compiled as the service compiles it. A progress bar goes to the standard error when there is a
 * terminal; the summary goes to the standard output.
 */
@Command(name = "registry", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fill in (derive) or check the action matrix of every service of a registry file: CSV, XLSX or "
                + "JSON Lines, in the form of the Kamchatka guidelines, section 3.1, with the fact columns the criteria "
                + "of 3.1.4 read."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every row decided (check: and every proposed matrix complies)",
                "1:some rows have errors, or (check) some proposed matrices break a criterion or hold a value for the Working Group",
                "2:the command line is wrong",
                "3:the file cannot be read as a registry (empty, not the format, no header, a column missing, …)",
                "4:the knowledge base does not answer for --as-of (no encoded edition in force)",
                "5:the output cannot be written, or the knowledge base does not compile"})
public class RegistryCommand implements Callable<Integer> {
    static final int ALL_CLEAR = 0;
    static final int ROWS_WITH_FINDINGS = 1;
    static final int FILE_UNREADABLE = 3;
    static final int DATE_NOT_COVERED = 4;
    static final int FAILED = 5;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The registry: .csv, .xlsx or .jsonl")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where the answer goes: .csv, .xlsx or .jsonl (the format follows the extension)")
    Path out;

    @Option(names = "--mode", defaultValue = "derive", paramLabel = "derive|check",
            description = "derive: fill in 1*–9* from the facts; check: check the proposed 1*–9* (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", converter = StrictDate.class,
            description = "The date decided for: the edition in force on it is applied (never today's date by itself)")
    LocalDate asOf;

    /** The same reading of a date as the HTTP API's: YYYY-MM-DD in the years 2000–2100, nothing else. */
    static final class StrictDate implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return org.reglament.api.RequestValues.date(value);
            } catch (org.reglament.api.RequestValues.Refused e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of an XLSX workbook (default: the first)")
    String sheet;

    @Option(names = "--mfc-only-booking", paramLabel = "not-electronic|not-provided",
            converter = MfcOnlyBookingCode.class,
            description = "3.1.4.2 where applicants are received in person only at the MFC: «0» (not-electronic, the "
                    + "default) or «-» (not-provided)")
    MfcOnlyBooking mfcOnlyBooking;

    @Option(names = "--other-cases-decided-by", paramLabel = "working-group|agency",
            converter = OtherCasesDecidedByCode.class,
            description = "3.1.4.3 para. 3 at 100 or fewer applications: who decides action 3 (default: working-group)")
    OtherCasesDecidedBy otherCasesDecidedBy;

    /** A reading's code, as the JSON endpoints spell it; another string is a wrong command line (exit code 2). */
    abstract static class CodeOf<E extends Enum<E> & Coded> implements picocli.CommandLine.ITypeConverter<E> {
        private final Class<E> type;

        CodeOf(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            try {
                return Coded.fromCode(type, value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class MfcOnlyBookingCode extends CodeOf<MfcOnlyBooking> {
        MfcOnlyBookingCode() {
            super(MfcOnlyBooking.class);
        }
    }

    static final class OtherCasesDecidedByCode extends CodeOf<OtherCasesDecidedBy> {
        OtherCasesDecidedByCode() {
            super(OtherCasesDecidedBy.class);
        }
    }

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The CSV's encoding, e.g. windows-1251 (default: told from the file: UTF-8 or Windows-1251)")
    Charset encoding;

    @Option(names = "--rules", paramLabel = "DIR", description = "A knowledge base folder like rules/ (default: the packaged one)")
    Path rules;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "Threads deciding rows (default: one per processor)")
    int threads;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** How the knowledge base is had: compiled as the service compiles it (tests hand in one compiled once). */
    Function<Path, KnowledgeBase> knowledgeBase = KnowledgeBaseConfiguration::compile;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RegistryMode registryMode;
        RegistryFormat inFormat;
        RegistryFormat outFormat;
        try {
            registryMode = RegistryMode.of(mode);
            inFormat = format(in, "--in");
            outFormat = format(out, "--out");
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isRegularFile(in)) {
            stderr.println("reglament registry: " + in + ": no such file");
            return FILE_UNREADABLE;
        }
        long started = System.nanoTime();
        Registries registries;
        long compiled;
        try {
            registries = Registries.standalone(knowledgeBase.apply(rules), threads);
            compiled = System.nanoTime();
        } catch (KnowledgeBaseException e) {
            stderr.println("reglament registry: the knowledge base does not compile: " + e.getMessage());
            return FAILED;
        }
        Path target = out.toAbsolutePath();
        Path partial = null;
        try (ProgressBar bar = System.console() != null ? progressBar(inFormat) : null) {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            LongConsumer progress = bar == null ? done -> { } : bar::stepTo;
            BatchSummary summary;
            try (OutputStream output = Files.newOutputStream(partial)) {
                summary = registries.run(in, new Registries.Input(inFormat, encoding, sheet),
                        new Registries.Job(registryMode, asOf, outFormat, null, mfcOnlyBooking, otherCasesDecidedBy),
                        output, progress);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            if (bar != null) {
                bar.stepTo(summary.services());
                bar.close();
            }
            print(stdout, summary, target, compiled - started, System.nanoTime() - compiled);
            stdout.flush();
            return summary.allClear() ? ALL_CLEAR : ROWS_WITH_FINDINGS;
        } catch (RegistryFileException e) {
            stderr.println("reglament registry: " + in + ": " + e.getMessage());
            return FILE_UNREADABLE;
        } catch (NoEditionInForceException e) {
            stderr.println("reglament registry: --as-of " + asOf + ": " + e.act().shortTitle() + " — " + e.reason());
            return DATE_NOT_COVERED;
        } catch (IOException e) {
            stderr.println("reglament registry: " + e.getMessage());
            return FAILED;
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a temporary file next to the output; nothing else to do
                }
            }
        }
    }

    private RegistryFormat format(Path file, String option) {
        return RegistryFormat.ofFileName(file.getFileName().toString()).orElseThrow(() -> new IllegalArgumentException(
                option + " " + file + ": the format is told by the extension: .csv, .xlsx or .jsonl"));
    }

    private ProgressBar progressBar(RegistryFormat format) throws IOException {
        // Rows are estimated from the lines of a text file; a workbook's count is known only as it is read.
        long estimate = format == RegistryFormat.XLSX ? -1 : lines(in);
        return new ProgressBarBuilder().setTaskName("Реестр").setInitialMax(estimate).setUnit(" строк", 1)
                .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    private static long lines(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[64 * 1024];
        try (var input = Files.newInputStream(file)) {
            for (int n = input.read(buffer); n > 0; n = input.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return Math.max(lines - 1, 1);
    }

    private static void print(PrintWriter out, BatchSummary summary, Path target, long knowledgeBaseNanos,
                              long batchNanos) {
        double seconds = batchNanos / 1e9;
        out.printf("services: %d, decided: %d, with errors: %d%n", summary.services(), summary.decided(),
                summary.withErrors());
        if (summary.mode() == RegistryMode.CHECK) {
            out.printf("following the recommendations: %d, departing from them: %d, for the Working Group (3.1.4.3 para. 3): %d%n",
                    summary.compliant(), summary.nonCompliant(), summary.toWorkingGroup());
            for (Map.Entry<String, Long> breach : summary.breachesByRule().entrySet()) {
                out.printf("  departures from «%s»: %d%n", breach.getKey(), breach.getValue());
            }
        }
        out.printf("as of %s: %s, edition %s; knowledge base %s%n", summary.asOf(), summary.actId(), summary.edition(),
                summary.knowledgeBaseVersion());
        out.printf("file %s, answers %s%n", summary.fileDigest(), summary.answersDigest());
        out.printf("written: %s; knowledge base ready in %.1f s, rows read, decided and written in %.1f s (%.0f rows/s)%n",
                target, knowledgeBaseNanos / 1e9, seconds, summary.services() / Math.max(seconds, 1e-9));
    }

}
