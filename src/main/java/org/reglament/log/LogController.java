package org.reglament.log;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reglament.decision.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What anyone holding an answer may check about the log, without seeing other receipts: the signed checkpoints,
 * the key that signs them, the inclusion proof of a decision and consistency proofs between checkpoints. Receipts'
 * contents stay with the auditors ({@code /api/v1/audit}).
 */
@RestController
@RequestMapping(path = "/api/v1/log", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Log", description = "Signed checkpoints and Merkle proofs of the decision log (RFC 9162)")
public class LogController {
    private final LogProofs proofs;
    private final ReceiptRepository receipts;
    private final DecisionLog log;
    private final LogKey key;

    public LogController(LogProofs proofs, ReceiptRepository receipts, DecisionLog log, LogKey key) {
        this.proofs = proofs;
        this.receipts = receipts;
        this.log = log;
        this.key = key;
    }

    public record StreamCheckpoint(int stream, long treeSize, String root, String checkpoint) {
    }

    public record Checkpoints(String verifierKey, int servedByStream, List<StreamCheckpoint> streams) {
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The latest signed checkpoint of every stream, and the verifier key that checks them")
    public Checkpoints checkpoints() {
        return new Checkpoints(key.verifierKey(), log.stream(), proofs.latestOfEveryStream().stream()
                .map(c -> new StreamCheckpoint(c.stream(), c.treeSize(), c.rootBase64(), c.note())).toList());
    }

    public record PublicKey(String origin, String verifierKey) {
    }

    @GetMapping("/public-key")
    @Operation(summary = "The log's verifier key (C2SP signed-note form: name+keyid+base64 Ed25519 key)")
    public PublicKey publicKey() {
        return new PublicKey(key.name(), key.verifierKey());
    }

    @GetMapping("/decisions/{decisionId}/inclusion")
    @Operation(summary = "The inclusion proof of a decision's receipt against its stream's latest signed checkpoint")
    public LogProofs.InclusionProof inclusion(@PathVariable String decisionId) {
        log.awaitStored();
        Receipt receipt = receipts.byDecisionId(decisionId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no receipt of decision " + decisionId));
        return proofs.inclusion(receipt);
    }

    @GetMapping("/streams/{stream}/consistency")
    @Operation(summary = "That the stream's latest signed checkpoint extends its tree of fromSize receipts unchanged")
    public LogProofs.ConsistencyProof consistency(@PathVariable int stream, @RequestParam long fromSize) {
        log.awaitStored();
        try {
            return proofs.consistency(stream, fromSize);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("fromSize", e.getMessage());
        }
    }
}
