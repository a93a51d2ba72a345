package org.reglament.audit;

import org.reglament.log.LogPosition;
import org.reglament.log.LogProofs;
import org.reglament.log.LogVerifier;
import org.reglament.log.CanonicalJson;
import org.reglament.log.ReceiptFilter;
import org.reglament.log.Receipt;
import org.reglament.log.ReceiptRepository;
import org.reglament.log.DecisionLog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.reglament.api.RequestValues;
import org.reglament.decision.InvalidRequestException;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The auditor's side: find receipts, verify the chain, replay a decision, and see the impact of a candidate. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "Receipts, chain verification, replay and impact analysis (role AUDITOR)")
public class AuditController {
    private final ReceiptRepository receipts;
    private final DecisionLog log;
    private final LogVerifier verifier;
    private final LogProofs proofs;
    private final Replayer replayer;
    private final ImpactAnalysis impact;
    private final KnowledgeBases knowledgeBases;
    private final JdbcKnowledgeBaseStore store;
    private final ReplayTargets targets;
    private final CanonicalJson json;
    private final DecisionCatalog catalog;

    public AuditController(ReceiptRepository receipts, DecisionLog log, LogVerifier verifier, LogProofs proofs, Replayer replayer, ImpactAnalysis impact,
                           KnowledgeBases knowledgeBases, JdbcKnowledgeBaseStore store, ReplayTargets targets,
                           CanonicalJson json, DecisionCatalog catalog) {
        this.catalog = catalog;
        this.receipts = receipts;
        this.log = log;
        this.verifier = verifier;
        this.proofs = proofs;
        this.replayer = replayer;
        this.impact = impact;
        this.knowledgeBases = knowledgeBases;
        this.store = store;
        this.targets = targets;
        this.json = json;
    }

    /** A receipt as an auditor reads it: its request and answer as JSON. */
    public record ReceiptView(int stream, long leafIndex, String decisionId, String decision, String registryId, LocalDate asOf,
                              String actId, String edition, String knowledgeBaseVersion, String answeredAt, String caller,
                              String digest, JsonNode request, JsonNode answer) {
    }

    /**
     * A page of receipts in the log's order. {@code next} is where the following page begins (send it back as
     * {@code after}); it is absent on a page that is not full, since nothing follows it yet.
     */
    public record Page(int page, int size, long total, List<ReceiptView> items, String next) {
    }

    @GetMapping("/decisions")
    @Operation(summary = "Receipts by registry id, decision, asOf range and answer-time range, paged by number "
            + "(page) or, for large logs, after a position (after: the previous page's next)")
    public Page search(@RequestParam(required = false) String registryId, @RequestParam(required = false) String decision,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfFrom,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfTo,
                       @RequestParam(required = false) Instant answeredFrom, @RequestParam(required = false) Instant answeredTo,
                       // At most 500 a page: page × size stays far inside the offsets the databases take.
                       @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                       @Parameter(description = "the next of the previous page: the receipts after that position in the "
                               + "log's order (answer time, stream, place), e.g. 2026-12-02T18:00:00.123Z,2,4711")
                       @RequestParam(required = false) String after) {
        LogPosition position = after == null ? null : LogPosition.parse(after);
        if (after != null && position == null) {
            throw new InvalidRequestException("after", RequestValues.quoted(after) + " is not a position in the log; "
                    + "expected the next of a page, as answer time, stream and place: 2026-12-02T18:00:00.123Z,2,4711");
        }
        if (after != null && page != 0) {
            throw new InvalidRequestException("page", "give either page or after, not both: after already says where "
                    + "the page begins");
        }
        ReceiptFilter filter = filter(registryId, decision, asOfFrom, asOfTo, answeredFrom, answeredTo);
        log.awaitStored();
        List<Receipt> found = after == null ? receipts.search(filter, page * size, size)
                : receipts.searchAfter(filter, position, size);
        String next = found.size() < size ? null : LogPosition.of(found.get(found.size() - 1)).toString();
        return new Page(page, size, receipts.count(filter), found.stream().map(this::view).toList(), next);
    }

    @GetMapping("/decisions/{decisionId}")
    @Operation(summary = "One receipt")
    public ReceiptView receipt(@PathVariable String decisionId) {
        return view(find(decisionId));
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk every stream: every receipt altered or missing, every signed checkpoint the log no longer "
            + "matches")
    public LogVerifier.Verification verify() {
        log.awaitStored();
        return verifier.verify(List.of());
    }

    /** Checkpoints an auditor kept (signed notes, as the log handed them out). */
    public record KeptCheckpoints(@NotEmpty @jakarta.validation.constraints.Size(max = 1000) List<@NotNull String> checkpoints) {
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The same walk, also against checkpoints the auditor kept: a rewritten or truncated history "
            + "shows against them even if the database's own checkpoints were removed")
    public LogVerifier.Verification verify(@Valid @RequestBody KeptCheckpoints kept) {
        log.awaitStored();
        return verifier.verify(kept.checkpoints());
    }

    /** Exactly the fields a receipt's digest covers, as text: what an auditor needs to recompute it offline. */
    public record ReceiptFields(String decisionId, String decision, String registryId, LocalDate asOf, String actId,
                                String edition, String knowledgeBaseVersion, String answeredAt, String caller,
                                String request, String answer) {
    }

    public record ReceiptProof(String decisionId, int stream, long leafIndex, String digest, String leafHash,
                               long treeSize, List<String> inclusionProof, String checkpoint, ReceiptFields receipt) {
    }

    @GetMapping("/decisions/{decisionId}/proof")
    @Operation(summary = "A receipt with its inclusion proof against its stream's latest signed checkpoint, to verify "
            + "offline (java -jar reglament.jar log verify-inclusion)")
    public ReceiptProof proof(@PathVariable String decisionId) {
        Receipt r = find(decisionId);
        LogProofs.InclusionProof p = proofs.inclusion(r);
        return new ReceiptProof(p.decisionId(), p.stream(), p.leafIndex(), p.digest(), p.leafHash(), p.treeSize(),
                p.inclusionProof(), p.checkpoint(), new ReceiptFields(r.decisionId(), r.decision(), r.registryId(),
                r.asOf(), r.actId(), r.edition(), r.knowledgeBaseVersion(), r.answeredAt(), r.caller(), r.request(),
                r.answer()));
    }

    @PostMapping("/decisions/{decisionId}/replay")
    @Operation(summary = "Replay with the recorded version (default), the live one (against=current), or a stored version")
    public Replayer.Replay replay(@PathVariable String decisionId, @RequestParam(required = false) String against,
                                  jakarta.servlet.http.HttpServletRequest request) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            // The receipt holds the request: a body here would be ignored, and the caller led to think it was replayed.
            throw new InvalidRequestException("(body)", "a decision is replayed from its receipt, so send no body (a "
                    + "registry batch is replayed with its file, sent as CSV, XLSX or JSON Lines)");
        }
        if (against != null && against.isBlank()) {
            throw new InvalidRequestException("against", "empty; give current or a knowledge-base version, or leave"
                    + " it out to replay with the version that answered");
        }
        Receipt receipt = find(decisionId);
        replayer.requireReplayableAlone(receipt);
        try (Replaying replaying = replaying(against == null ? receipt.knowledgeBaseVersion() : against,
                receipt.knowledgeBaseVersion())) {
            return replaying.replay(receipt);
        }
    }

    /** Which receipts to replay, against what, and how many at most. */
    public record ImpactRequest(String against, String registryId, String decision, LocalDate asOfFrom,
                                LocalDate asOfTo, Instant answeredFrom, Instant answeredTo,
                                @Min(1) @Max(100_000) Integer limit) {
    }

    @PostMapping(path = "/impact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replay the receipts of a period (or registry) against a knowledge base: what would change")
    public ImpactAnalysis.Impact impact(@Valid @RequestBody ImpactRequest request) {
        ReceiptFilter filter = filter(request.registryId(), request.decision(), request.asOfFrom(), request.asOfTo(),
                request.answeredFrom(), request.answeredTo());
        log.awaitStored();
        try (Replaying replaying = replaying(request.against() == null ? "current" : request.against(), null)) {
            return impact.analyse(filter, replaying, request.limit() == null ? 10_000 : request.limit());
        }
    }

    public record Versions(String live, List<String> stored, List<JdbcKnowledgeBaseStore.CandidateEntry> candidates) {
    }

    @GetMapping("/knowledge-bases")
    @Operation(summary = "The live version, every version kept, and the candidates among them")
    public Versions versions() {
        return new Versions(knowledgeBases.live().version(), store.versions(), store.candidates());
    }

    /**
     * A filter that can match something: a range that ends before it begins, or a decision the service does not give,
     * would answer «no receipts» as if the log had none, when the question was mistyped.
     */
    private ReceiptFilter filter(String registryId, String decision, LocalDate asOfFrom, LocalDate asOfTo,
                                 Instant answeredFrom, Instant answeredTo) {
        if (decision != null && !catalog.names().contains(decision) && !catalog.replaysWithItsFile(decision)) {
            throw new InvalidRequestException("decision", RequestValues.quoted(decision) + " is not a decision the "
                    + "service gives; decisions: " + String.join(", ", new java.util.TreeSet<>(catalog.names()))
                    + ", and the registry batches " + java.util.Arrays.stream(org.reglament.registry.RegistryMode.values())
                    .map(org.reglament.registry.RegistryMode::decision).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (asOfFrom != null && asOfTo != null && asOfFrom.isAfter(asOfTo)) {
            throw new InvalidRequestException("asOfTo", asOfTo + " is before asOfFrom " + asOfFrom);
        }
        if (answeredFrom != null && answeredTo != null && answeredFrom.isAfter(answeredTo)) {
            throw new InvalidRequestException("answeredTo", answeredTo + " is before answeredFrom " + answeredFrom);
        }
        return new ReceiptFilter(null, registryId, decision, asOfFrom, asOfTo, answeredFrom, answeredTo);
    }

    private Replaying replaying(String version, String recordedVersion) {
        return targets.open(version, recordedVersion);
    }

    private Receipt find(String decisionId) {
        log.awaitStored();
        return receipts.byDecisionId(decisionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no receipt of decision " + decisionId));
    }

    private ReceiptView view(Receipt r) {
        return new ReceiptView(r.stream(), r.leafIndex(), r.decisionId(), r.decision(), r.registryId(), r.asOf(), r.actId(), r.edition(),
                r.knowledgeBaseVersion(), r.answeredAt(), r.caller(), r.digest(), json.tree(r.request()),
                json.tree(r.answer()));
    }
}
