package org.reglament.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar reglament.jar log …}: the decision log's offline checks, with nothing but files an auditor or a
 * registry tool holds and the log's verifier key — no service, no database. Exit codes: 0 everything verified, 1 a
 * check failed, 2 the files do not read (picocli's own for a wrong command line is 2 as well).
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Verify the decision log offline: inclusion of a receipt, consistency of two checkpoints; make a key.",
        subcommands = {LogCommand.VerifyInclusion.class, LogCommand.VerifyConsistency.class, LogCommand.Keygen.class})
public class LogCommand implements Runnable {
    static final int VERIFIED = 0;
    static final int FAILED = 1;
    static final int UNREADABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The verifier key: given as text, or a file holding it (or the JSON of GET /api/v1/log/public-key). */
    static String verifierKey(String key) throws IOException {
        String text = Files.exists(Path.of(key)) ? Files.readString(Path.of(key), StandardCharsets.UTF_8).trim() : key.trim();
        if (text.startsWith("{")) {
            text = new ObjectMapper().readTree(text).path("verifierKey").asText();
        }
        return text;
    }

    static int report(CommandLine.Model.CommandSpec spec, OfflineVerification.Report report) {
        PrintWriter out = spec.commandLine().getOut();
        report.passed().forEach(line -> out.println("ok      " + line));
        report.failed().forEach(line -> out.println("FAILED  " + line));
        out.println(report.ok() ? "verified" : "NOT verified: " + report.failed().size() + " check(s) failed");
        out.flush();
        return report.ok() ? VERIFIED : FAILED;
    }

    @Command(name = "verify-inclusion", mixinStandardHelpOptions = true,
            description = "That a signed checkpoint holds a receipt: its digest at its leaf (RFC 9162 2.1.3.2).")
    static class VerifyInclusion implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--proof", required = true, description = "the proof: GET /api/v1/log/decisions/{id}/inclusion, "
                + "or GET /api/v1/audit/decisions/{id}/proof (with the receipt's fields, whose digest is recomputed)")
        Path proof;
        @Option(names = "--answer", description = "the answer as the caller got it: its digest and place must be the proof's")
        Path answer;
        @Option(names = "--key", required = true, description = "the log's verifier key (name+id+key), or a file holding it")
        String key;

        @Override
        public Integer call() {
            try {
                ObjectMapper json = new ObjectMapper();
                JsonNode proofJson = json.readTree(proof.toFile());
                JsonNode answerJson = answer == null ? null : json.readTree(answer.toFile());
                return report(spec, OfflineVerification.inclusion(proofJson, verifierKey(key), answerJson));
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("cannot read the files: " + e.getMessage());
                return UNREADABLE;
            }
        }
    }

    @Command(name = "verify-consistency", mixinStandardHelpOptions = true,
            description = "That today's checkpoint extends one kept earlier unchanged (RFC 9162 2.1.4.2).")
    static class VerifyConsistency implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--old", required = true, description = "the checkpoint kept earlier (a signed note, as the log gave it)")
        Path older;
        @Option(names = "--proof", required = true,
                description = "GET /api/v1/log/streams/{n}/consistency?fromSize=<the old checkpoint's size>")
        Path proof;
        @Option(names = "--key", required = true, description = "the log's verifier key (name+id+key), or a file holding it")
        String key;

        @Override
        public Integer call() {
            try {
                JsonNode proofJson = new ObjectMapper().readTree(proof.toFile());
                String kept = Files.readString(older, StandardCharsets.UTF_8);
                return report(spec, OfflineVerification.consistency(kept, proofJson, verifierKey(key)));
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("cannot read the files: " + e.getMessage());
                return UNREADABLE;
            }
        }
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new Ed25519 signing key for the log (PEM: private and public block) and print its "
                    + "verifier key.")
    static class Keygen implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--out", required = true, description = "the key file to write (it must not exist)")
        Path out;
        @Option(names = "--origin", defaultValue = "reglament.local/decision-log",
                description = "the log's name, as reglament.audit.log.origin (default: ${DEFAULT-VALUE})")
        String origin;

        @Override
        public Integer call() {
            if (Files.exists(out)) {
                spec.commandLine().getErr().println(out + " exists: a key is never overwritten");
                return UNREADABLE;
            }
            LogKey.generate(out);
            spec.commandLine().getOut().println(LogKey.load(origin, out, false).verifierKey());
            spec.commandLine().getOut().flush();
            return VERIFIED;
        }
    }
}
