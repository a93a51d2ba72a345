package org.reglament.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.reglament.audit.CanonicalJson;
import org.reglament.audit.ImpactAnalysis;
import org.reglament.audit.KnowledgeBaseDiff;
import org.reglament.audit.Receipt;
import org.reglament.audit.Replayer;
import org.reglament.knowledgebase.KnowledgeBase;
import org.springframework.stereotype.Component;

/**
 * An auditor replays a registry batch by bringing its file: the file must be the one the receipt digested; its rows
 * are decided again with the version that answered them, and the digest over their answers is compared with the
 * receipt's (one digest over all rows: it proves every row reproduced, or that some row is not). Against another
 * version (a candidate), every row is also decided with that one and compared with the recorded version's answer, by
 * the same {@link Replayer} and tallied as {@link ImpactAnalysis} tallies receipts.
 */
@Component
public class RegistryReplay {
    /** Rows listed as changed in the account's impact, at most; every row is in the account's rows. */
    private static final int AFFECTED_LISTED = 1000;

    private final Registries registries;
    private final Replayer replayer;
    private final CanonicalJson canonical;
    private final ObjectMapper json;

    public RegistryReplay(Registries registries, Replayer replayer, CanonicalJson canonical, ObjectMapper json) {
        this.registries = registries;
        this.replayer = replayer;
        this.canonical = canonical;
        this.json = json;
    }

    /** The file brought is not the one the receipt recorded. */
    public static final class NotTheRecordedFile extends RuntimeException {
        NotTheRecordedFile(String message) {
            super(message);
        }
    }

    /** Writes the account of the replay (JSON) to {@code out}. */
    public void replay(Receipt receipt, java.io.InputStream body, RegistryFormat format, java.nio.charset.Charset charset,
                       KnowledgeBase recorded, KnowledgeBase against, OutputStream out) throws IOException {
        RegistryMode mode = RegistryMode.ofDecision(receipt.decision());
        JsonNode request = canonical.tree(receipt.request());
        JsonNode answer = canonical.tree(receipt.answer());
        String sheet = request.path("file").path("sheet").asText(null);
        Registries.Input input = new Registries.Input(format, charset, sheet);
        Registries.Job job = new Registries.Job(mode, LocalDate.parse(request.path("asOf").asText()), RegistryFormat.JSONL,
                receipt.decisionId());
        KnowledgeBaseDiff.Changes changes = against == recorded ? null : KnowledgeBaseDiff.between(recorded, against);
        Account account = new Account(out, receipt, request.path("file").path("sha256").asText(),
                answer.path("result").path("answersDigest").asText(), recorded, against, changes);
        registries.replay(body, input, job, recorded, against, reader -> account);
    }

    /** The account, row by row as the rows are decided, then the file's and the answers' digests and the impact. */
    private final class Account implements RegistryWriter, Registries.Replaying {
        private final JsonGenerator out;
        private final Receipt receipt;
        private final String recordedFile;
        private final String recordedAnswers;
        private final KnowledgeBase recorded;
        private final KnowledgeBase against;
        private final KnowledgeBaseDiff.Changes changes;
        private final ImpactAnalysis.Tally tally = new ImpactAnalysis.Tally(AFFECTED_LISTED);
        /**
         * The same facts give the same comparison: compared once per batch, by the batch's cached answer (the same
         * instance for the same facts; bounded, like the batch's own cache). Only the writing thread uses it.
         */
        private final Map<RowOutcome.Decided, Replayer.Replay> compared = new IdentityHashMap<>();

        Account(OutputStream stream, Receipt receipt, String recordedFile, String recordedAnswers, KnowledgeBase recorded,
                KnowledgeBase against, KnowledgeBaseDiff.Changes changes) throws IOException {
            this.out = json.getFactory().createGenerator(stream);
            this.out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            this.receipt = receipt;
            this.recordedFile = recordedFile;
            this.recordedAnswers = recordedAnswers;
            this.recorded = recorded;
            this.against = against;
            this.changes = changes;
        }

        @Override
        public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException {
            out.writeStartObject();
            out.writeStringField("decisionId", receipt.decisionId());
            out.writeStringField("decision", receipt.decision());
            out.writeStringField("asOf", receipt.asOf().toString());
            out.writeStringField("recordedVersion", recorded.version());
            out.writeStringField("replayedVersion", against.version());
            out.writeArrayFieldStart("rows");
        }

        @Override
        public void row(RowOutcome outcome, List<String> cells) throws IOException {
            if (outcome.kind() != RowOutcome.Kind.SERVICE) {
                return;
            }
            out.writeStartObject();
            out.writeNumberField("row", outcome.row());
            if (outcome.service() != null && outcome.service().registryId() != null) {
                out.writeStringField("registryId", outcome.service().registryId());
            }
            if (outcome.service() != null && outcome.service().name() != null) {
                out.writeStringField("service", outcome.service().name());
            }
            if (!outcome.answered()) {
                out.writeStringField("status", "not-decided");
                out.writeObjectField("errors", outcome.problems());
            } else {
                Replayer.Replay replay = compare(outcome);
                tally.add(replay, receipt.decisionId() + "#row" + outcome.row(), receipt.decision(),
                        outcome.service().registryId(), outcome.service().name(), receipt.asOf().toString());
                out.writeStringField("status", replay.reproduced() ? "reproduced" : "changed");
                if (!replay.reproduced()) {
                    if (replay.refusal() != null) {
                        out.writeStringField("refusal", replay.refusal());
                    }
                    out.writeObjectField("cells", replay.cells());
                    out.writeObjectField("differences", replay.differences().stream().map(Replayer.Difference::path).toList());
                }
            }
            out.writeEndObject();
        }

        private Replayer.Replay compare(RowOutcome outcome) {
            if (against == recorded) {
                return new Replayer.Replay(receipt.decisionId(), receipt.decision(), recorded.version(), against.version(),
                        true, null, List.of(), List.of(), null);
            }
            if (outcome.replayed() == null) {
                return new Replayer.Replay(receipt.decisionId(), receipt.decision(), recorded.version(), against.version(),
                        false, outcome.replayRefusal(), List.of(), List.of(), null);
            }
            if (compared.size() > 4096) {
                compared.clear();
            }
            return compared.computeIfAbsent(outcome.replayed(), replayed -> replayer.compare(receipt.decisionId(),
                    receipt.decision(), recorded.version(), against.version(), tree(outcome.decided()), tree(replayed),
                    null));
        }

        /** An answer without any row's service: two versions' answers for the same facts compare as they are. */
        private JsonNode tree(RowOutcome.Decided decided) {
            return canonical.tree(canonical.write(RowOutcome.withService(decided.envelope(), null)));
        }

        @Override
        public void finish(BatchSummary summary) throws IOException {
            if (!recordedFile.equals(summary.fileDigest())) {
                throw new NotTheRecordedFile("the file's SHA-256 is " + summary.fileDigest() + ", the receipt's "
                        + recordedFile + ": it is not the file decision " + receipt.decisionId() + " answered");
            }
            out.writeEndArray();
            out.writeObjectFieldStart("file");
            out.writeStringField("sha256", summary.fileDigest());
            out.writeBooleanField("matchesReceipt", true);
            out.writeEndObject();
            out.writeObjectFieldStart("answers");
            out.writeStringField("recordedDigest", recordedAnswers);
            out.writeStringField("reproducedDigest", summary.answersDigest());
            // One digest over every row: equal, each row's answer is the one given; different, some row's is not.
            out.writeBooleanField("reproduced", recordedAnswers.equals(summary.answersDigest()));
            out.writeEndObject();
            out.writeObjectField("impact", tally.impact(against.version()));
            if (changes != null) {
                out.writeObjectField("knowledgeBaseChanges", changes);
            }
            out.writeEndObject();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
