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
import org.reglament.log.CanonicalJson;
import org.reglament.audit.ImpactAnalysis;
import org.reglament.audit.KnowledgeBaseDiff;
import org.reglament.log.Receipt;
import org.reglament.audit.Replayer;
import org.reglament.audit.Replaying;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import org.springframework.stereotype.Component;

/**
 * An auditor replays a registry batch by bringing its file: the file must be the one the receipt digested; its rows
 * are decided again with the version that answered them, and the digest over their answers is compared with the
 * receipt's (one digest over all rows: it proves every row reproduced, or that some row is not). Against another
 * version (the live one, a kept one, a candidate in its confined worker), each row is replayed as the receipt of its
 * own decision would be: its request (the JSON endpoint's) and its answer with the recorded version, through the same
 * {@link Replaying} every replay uses, and tallied as {@link ImpactAnalysis} tallies receipts.
 */
@Component
public class RegistryReplay {
    /** Rows listed as changed in the account's impact, at most; every row is in the account's rows. */
    private static final int AFFECTED_LISTED = 1000;
    /** Comparisons kept per batch, by fact combination (bounded like the batch's own cache). */
    private static final int COMPARED = 4096;

    private final Registries registries;
    private final CanonicalJson canonical;
    private final ObjectMapper json;

    public RegistryReplay(Registries registries, CanonicalJson canonical, ObjectMapper json) {
        this.registries = registries;
        this.canonical = canonical;
        this.json = json;
    }

    /** The file brought is not the one the receipt recorded. */
    public static final class NotTheRecordedFile extends RuntimeException {
        NotTheRecordedFile(String message) {
            super(message);
        }
    }

    /**
     * Writes the account of the replay (JSON) to {@code out}.
     *
     * @param against the version to compare each row with, or null: the recorded version (the digest alone tells)
     */
    public void replay(Receipt receipt, java.io.InputStream body, RegistryFormat format, java.nio.charset.Charset charset,
                       KnowledgeBase recorded, Replaying against, OutputStream out) throws IOException {
        RegistryMode mode = RegistryMode.ofDecision(receipt.decision());
        JsonNode request = canonical.tree(receipt.request());
        JsonNode answer = canonical.tree(receipt.answer());
        String sheet = request.path("file").path("sheet").asText(null);
        Registries.Input input = new Registries.Input(format, charset, sheet);
        Registries.Job job = new Registries.Job(mode, LocalDate.parse(request.path("asOf").asText()), RegistryFormat.JSONL,
                receipt.decisionId(), request.hasNonNull("mfcOnlyBooking")
                        ? MfcOnlyBooking.fromCode(request.path("mfcOnlyBooking").asText()) : null,
                request.hasNonNull("otherCasesDecidedBy")
                        ? OtherCasesDecidedBy.fromCode(request.path("otherCasesDecidedBy").asText()) : null);
        Account account = new Account(out, receipt, request.path("file").path("sha256").asText(),
                answer.path("result").path("answersDigest").asText(), recorded, against);
        registries.replay(body, input, job, recorded, reader -> account);
    }

    /** The account, row by row as the rows are decided, then the file's and the answers' digests and the impact. */
    private final class Account implements RegistryWriter, Registries.Replaying {
        private final JsonGenerator out;
        private final Receipt receipt;
        private final String recordedFile;
        private final String recordedAnswers;
        private final KnowledgeBase recorded;
        private final Replaying against;
        private final ImpactAnalysis.Tally tally = new ImpactAnalysis.Tally(AFFECTED_LISTED);
        /**
         * The same facts give the same comparison: compared once per batch, by the batch's cached answer (the same
         * instance for the same facts). Only the writing thread uses it.
         */
        private final Map<RowOutcome.Decided, Replayer.Replay> compared = new IdentityHashMap<>();
        private KnowledgeBaseDiff.Changes changes;

        Account(OutputStream stream, Receipt receipt, String recordedFile, String recordedAnswers, KnowledgeBase recorded,
                Replaying against) throws IOException {
            this.out = json.getFactory().createGenerator(stream);
            this.out.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            this.receipt = receipt;
            this.recordedFile = recordedFile;
            this.recordedAnswers = recordedAnswers;
            this.recorded = recorded;
            this.against = against;
        }

        private String replayedVersion() {
            return against == null ? recorded.version() : against.version();
        }

        @Override
        public void start(List<SourceRow> preamble, List<SourceRow> headerRows, List<String> header) throws IOException {
            out.writeStartObject();
            out.writeStringField("decisionId", receipt.decisionId());
            out.writeStringField("decision", receipt.decision());
            out.writeStringField("asOf", receipt.asOf().toString());
            out.writeStringField("recordedVersion", recorded.version());
            out.writeStringField("replayedVersion", replayedVersion());
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
                tally.add(replay, rowId(outcome), receipt.decision(), outcome.service().registryId(),
                        outcome.service().name(), receipt.asOf().toString());
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

        private String rowId(RowOutcome outcome) {
            return receipt.decisionId() + "#row" + outcome.row();
        }

        /** The row as the receipt of its own decision: its request, and its answer with the recorded version. */
        private Replayer.Replay compare(RowOutcome outcome) {
            if (against == null) {
                return new Replayer.Replay(rowId(outcome), receipt.decision(), recorded.version(), recorded.version(),
                        true, null, List.of(), List.of(), null);
            }
            if (compared.size() >= COMPARED) {
                compared.clear();
            }
            Replayer.Replay replay = compared.computeIfAbsent(outcome.decided(), decided -> {
                DecisionEnvelope<?> envelope = RowOutcome.withService(decided.envelope(), outcome.service());
                Receipt row = new Receipt(receipt.stream(), receipt.leafIndex(), rowId(outcome), envelope.decision(),
                        outcome.service().registryId(), receipt.asOf(), receipt.actId(), receipt.edition(),
                        recorded.version(), receipt.answeredAt(), receipt.caller(), canonical.write(outcome.request()),
                        canonical.write(envelope), null);
                return against.replay(row);
            });
            if (changes == null && replay.knowledgeBaseChanges() != null) {
                changes = replay.knowledgeBaseChanges();
            }
            return replay;
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
            out.writeObjectField("impact", tally.impact(replayedVersion()));
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
