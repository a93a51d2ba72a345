package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the decision log must do on any database: record every answer before it is sent as a leaf of its stream's
 * signed Merkle tree, hand out proofs that verify offline, and report every receipt altered, removed or rewritten
 * behind its back. Run on H2 and on PostgreSQL.
 */
abstract class DecisionLogContract {
    static final String AUDITOR = "local-auditor-key";
    static final String DECIDER = "local-decider-key";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ReceiptTexts texts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DecisionLog log;
    @Autowired
    ReceiptRepository receiptRepository;
    final HttpClient http = HttpClient.newHttpClient();

    static String matrix(int applications, String registryId) {
        return "{\"asOf\":\"2018-10-01\",\"service\":{\"registryId\":\"" + registryId + "\",\"name\":\"Услуга " + registryId
                + "\",\"category\":\"REGIONAL\",\"applicationsPerYear\":" + applications + ",\"electronicWithoutOriginals\":true,"
                + "\"inPersonReceptionAtAgency\":true,\"feeOrPayment\":true,\"providedViaMfc\":true}}";
    }

    /**
     * The database, for reading and altering behind the service's back, once it holds every receipt answered (with
     * the journal it takes them a moment after the answers).
     */
    JdbcTemplate database() {
        log.awaitStored();
        return jdbc;
    }

    JsonNode post(String path, String body, String key) throws Exception {
        return json.readTree(postText(path, body, key));
    }

    /** The answer as it was sent, byte for byte (as text). */
    String postText(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    JsonNode get(String path, String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The inclusion proof of a decision, once a signed checkpoint holds it (one is signed every 100 ms here). */
    JsonNode inclusion(String decisionId) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/log/decisions/" + decisionId + "/inclusion")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(attempt).as("no checkpoint held the receipt within 5 s").isLessThan(100);
            Thread.sleep(50);
        }
    }

    JsonNode verify(String... keptCheckpoints) throws Exception {
        if (keptCheckpoints.length == 0) {
            return get("/api/v1/audit/verify", AUDITOR);
        }
        return post("/api/v1/audit/verify", json.writeValueAsString(Map.of("checkpoints", List.of(keptCheckpoints))),
                AUDITOR);
    }

    String verifierKey() throws Exception {
        return get("/api/v1/log/public-key", AUDITOR).path("verifierKey").asText();
    }

    /** What an attacker who can write the database does after changing receipts: recompute the stream's head. */
    void recomputeHead(int stream) {
        List<String> digests = database().queryForList("select digest from receipt where stream = ? order by leaf_index",
                String.class, stream);
        MerkleTree.Frontier tree = MerkleTree.Frontier.empty().append(digests.stream().map(MerkleTree::leafHash).toList());
        jdbc.update("update log_stream set tree_size = ?, root = ?, frontier = ? where stream = ?", tree.size(),
                java.util.HexFormat.of().formatHex(tree.root()), tree.encode(), stream);
    }

    @Test
    void everyAnswerIsARecordedReceiptInASignedTree() throws Exception {
        long before = verify().path("verified").asLong();
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(post("/api/v1/decisions/action-matrix", matrix(99 + i, "4100000000010" + i), i % 2 == 0 ? DECIDER : null));
        }
        answers.add(post("/api/v1/decisions/period", "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"eventDate\":"
                + "\"2018-04-27\",\"count\":14,\"unit\":\"working-days\",\"direction\":\"after\"}", null));

        int stream = answers.get(0).path("log").path("stream").asInt();
        long firstLeaf = answers.get(0).path("log").path("leafIndex").asLong();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = answers.get(i);
            assertThat(answer.path("digest").asText()).matches("[0-9a-f]{64}");
            assertThat(answer.path("log").path("stream").asInt()).isEqualTo(stream);
            assertThat(answer.path("log").path("leafIndex").asLong()).isEqualTo(firstLeaf + i);
            Checkpoint carried = Checkpoint.parse(answer.path("log").path("checkpoint").asText());
            assertThat(carried.origin()).isEqualTo("reglament.local/decision-log/stream/" + stream);
            assertThat(LogKey.verify(verifierKey(), carried)).isTrue();
            JsonNode receipt = get("/api/v1/audit/decisions/" + answer.path("decisionId").asText(), AUDITOR);
            assertThat(receipt.path("digest").asText()).isEqualTo(answer.path("digest").asText());
            assertThat(receipt.path("stream").asInt()).isEqualTo(stream);
            assertThat(receipt.path("leafIndex").asLong()).isEqualTo(firstLeaf + i);
            assertThat(receipt.path("knowledgeBaseVersion").asText()).isEqualTo(answer.path("knowledgeBaseVersion").asText());
            assertThat(receipt.path("answer").path("result")).isEqualTo(answer.path("result"));
            assertThat(receipt.path("answeredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        JsonNode signed = get("/api/v1/audit/decisions/" + answers.get(0).path("decisionId").asText(), AUDITOR);
        assertThat(signed.path("caller").asText()).isEqualTo("local-registry-tool");
        assertThat(signed.toString()).doesNotContain(DECIDER);
        assertThat(get("/api/v1/audit/decisions/" + answers.get(1).path("decisionId").asText(), AUDITOR)
                .path("caller").asText()).isEqualTo("anonymous");

        JsonNode intact = verify();
        assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("verified").asLong()).isEqualTo(before + answers.size());
        assertThat(intact.path("problems")).isEmpty();
    }

    @Test
    void aRegistryToolVerifiesItsAnswerOfflineAndAnAuditorTheReceiptAndTheLogsGrowth() throws Exception {
        JsonNode first = post("/api/v1/decisions/action-matrix", matrix(120, "41000000000401"), DECIDER);
        JsonNode kept = inclusion(first.path("decisionId").asText());
        String keptCheckpoint = kept.path("checkpoint").asText();
        JsonNode answer = post("/api/v1/decisions/action-matrix", matrix(121, "41000000000402"), DECIDER);
        JsonNode proof = inclusion(answer.path("decisionId").asText());
        String key = verifierKey();

        OfflineVerification.Report report = OfflineVerification.inclusion(proof, key, answer);
        assertThat(report.failed()).isEmpty();
        assertThat(report.passed()).hasSize(5);
        JsonNode auditorsProof = get("/api/v1/audit/decisions/" + answer.path("decisionId").asText() + "/proof", AUDITOR);
        assertThat(auditorsProof.path("receipt").path("caller").asText()).isEqualTo("local-registry-tool");
        OfflineVerification.Report withFields = OfflineVerification.inclusion(auditorsProof, key, null);
        assertThat(withFields.failed()).isEmpty();
        assertThat(withFields.passed()).anyMatch(p -> p.contains("fields hash to its digest"));

        // A forged receipt, a proof for another leaf, a checkpoint signed by another key: each fails.
        com.fasterxml.jackson.databind.node.ObjectNode forged = auditorsProof.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) forged.path("receipt")).put("caller", "someone-else");
        assertThat(OfflineVerification.inclusion(forged, key, null).failed()).anyMatch(f -> f.contains("digest"));
        com.fasterxml.jackson.databind.node.ObjectNode moved = proof.deepCopy();
        moved.put("leafIndex", proof.path("leafIndex").asLong() == 0 ? 1 : 0);
        assertThat(OfflineVerification.inclusion(moved, key, null).ok()).isFalse();
        // Another real Ed25519 key under the same name: the checkpoint's signature line names the log's key id, so
        // the proof fails on the signature (and only there), not on a malformed key.
        java.nio.file.Path otherKeyFile = java.nio.file.Files.createTempDirectory("other-log-key").resolve("key.pem");
        LogKey.generate(otherKeyFile);
        String otherKey = LogKey.load("reglament.local/decision-log", otherKeyFile, false).verifierKey();
        assertThat(otherKey).isNotEqualTo(key);
        OfflineVerification.Report foreign = OfflineVerification.inclusion(proof, otherKey, answer);
        assertThat(foreign.ok()).isFalse();
        assertThat(foreign.failed()).anyMatch(f -> f.contains("is signed by"));

        // The same checks from the command line in the jar, on files: exit 0 when verified, 1 when a check fails.
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("offline-verification");
        java.nio.file.Path proofFile = java.nio.file.Files.writeString(files.resolve("proof.json"), auditorsProof.toString());
        java.nio.file.Path answerFile = java.nio.file.Files.writeString(files.resolve("answer.json"), answer.toString());
        java.nio.file.Path forgedFile = java.nio.file.Files.writeString(files.resolve("forged.json"), forged.toString());
        assertThat(new picocli.CommandLine(new LogCommand()).execute("verify-inclusion", "--proof", proofFile.toString(),
                "--answer", answerFile.toString(), "--key", key)).isZero();
        assertThat(new picocli.CommandLine(new LogCommand()).execute("verify-inclusion", "--proof", forgedFile.toString(),
                "--key", key)).isEqualTo(1);

        int stream = answer.path("log").path("stream").asInt();
        JsonNode growth = get("/api/v1/log/streams/" + stream + "/consistency?fromSize="
                + Checkpoint.parse(keptCheckpoint).treeSize(), AUDITOR);
        assertThat(OfflineVerification.consistency(keptCheckpoint, growth, key).failed()).isEmpty();
        java.nio.file.Path keptFile = java.nio.file.Files.writeString(files.resolve("kept.checkpoint"), keptCheckpoint);
        java.nio.file.Path growthFile = java.nio.file.Files.writeString(files.resolve("consistency.json"), growth.toString());
        assertThat(new picocli.CommandLine(new LogCommand()).execute("verify-consistency", "--old", keptFile.toString(),
                "--proof", growthFile.toString(), "--key", key)).isZero();
        java.nio.file.Path keyFile = files.resolve("new-key.pem");
        assertThat(new picocli.CommandLine(new LogCommand()).execute("keygen", "--out", keyFile.toString())).isZero();
        assertThat(LogKey.load("reglament.local/decision-log", keyFile, false).verifierKey())
                .startsWith("reglament.local/decision-log+");
        JsonNode checkpoints = get("/api/v1/log/checkpoints", DECIDER);
        assertThat(checkpoints.path("verifierKey").asText()).isEqualTo(key);
        assertThat(checkpoints.path("streams").findValuesAsText("stream")).contains(Integer.toString(stream));
    }

    @Test
    void everyReceiptAlteredAndEveryRewriteOrTruncationAgainstASignedCheckpointIsReported() throws Exception {
        JsonNode a = post("/api/v1/decisions/action-matrix", matrix(130, "41000000000501"), null);
        JsonNode b = post("/api/v1/decisions/action-matrix", matrix(131, "41000000000502"), null);
        JsonNode c = post("/api/v1/decisions/action-matrix", matrix(132, "41000000000503"), null);
        int stream = c.path("log").path("stream").asInt();
        // The auditor kept a checkpoint that holds all three.
        String kept = inclusion(c.path("decisionId").asText()).path("checkpoint").asText();
        assertThat(verify(kept).path("intact").asBoolean()).isTrue();

        // Two answers altered behind the log's back: both are reported, not only the first.
        String storedA = database().queryForObject("select answer from receipt where decision_id = ?", String.class,
                a.path("decisionId").asText());
        String storedB = jdbc.queryForObject("select answer from receipt where decision_id = ?", String.class,
                b.path("decisionId").asText());
        jdbc.update("update receipt set answer = ? where decision_id = ?", texts.read(storedA).replace("\"1\"", "\"0\""),
                a.path("decisionId").asText());
        jdbc.update("update receipt set answer = ? where decision_id = ?", texts.read(storedB).replace("\"1\"", "\"0\""),
                b.path("decisionId").asText());
        JsonNode altered = verify();
        assertThat(altered.path("intact").asBoolean()).isFalse();
        assertThat(altered.path("problems").findValuesAsText("kind")).containsExactly("altered", "altered");
        assertThat(altered.path("problems").findValuesAsText("decisionId"))
                .containsExactly(a.path("decisionId").asText(), b.path("decisionId").asText());
        assertThat(altered.path("firstProblem").path("leafIndex").asLong()).isEqualTo(a.path("log").path("leafIndex").asLong());
        jdbc.update("update receipt set answer = ? where decision_id = ?", storedA, a.path("decisionId").asText());
        jdbc.update("update receipt set answer = ? where decision_id = ?", storedB, b.path("decisionId").asText());

        // A receipt rewritten with its digest recomputed, and the stream's head after it: every hash the database
        // holds agrees, but the signed checkpoints do not.
        Map<String, Object> row = jdbc.queryForMap("select * from receipt where decision_id = ?", b.path("decisionId").asText());
        Receipt original = receipts().byDecisionId(b.path("decisionId").asText()).orElseThrow();
        String forgedDigest = Receipt.digest(original.decisionId(), original.decision(), original.registryId(),
                original.asOf(), original.actId(), original.edition(), original.knowledgeBaseVersion(),
                original.answeredAt(), "someone-else", Digests.utf8(original.request()), Digests.utf8(original.answer()));
        jdbc.update("update receipt set caller = ?, digest = ? where decision_id = ?", "someone-else", forgedDigest,
                original.decisionId());
        recomputeHead(stream);
        try {
            JsonNode rewritten = verify(kept);
            assertThat(rewritten.path("intact").asBoolean()).as(rewritten.toString()).isFalse();
            assertThat(rewritten.path("problems").findValuesAsText("kind")).contains("rewritten").doesNotContain("altered");
            assertThat(rewritten.path("problems").findValuesAsText("detail")).anyMatch(d -> d.contains("supplied"))
                    .anyMatch(d -> d.contains("checkpoint file"));
        } finally {
            jdbc.update("update receipt set caller = ?, digest = ? where decision_id = ?", row.get("caller"),
                    row.get("digest"), original.decisionId());
            recomputeHead(stream);
        }
        assertThat(verify(kept).path("intact").asBoolean()).isTrue();

        // The last receipt deleted and the head moved back: the checkpoints that held it show the truncation.
        Map<String, Object> last = jdbc.queryForMap("select * from receipt where stream = ? and leaf_index = "
                + "(select max(leaf_index) from receipt where stream = ?)", stream, stream);
        jdbc.update("delete from receipt where decision_id = ?", last.get("decision_id"));
        recomputeHead(stream);
        try {
            JsonNode truncated = verify(kept);
            assertThat(truncated.path("intact").asBoolean()).isFalse();
            assertThat(truncated.path("problems").findValuesAsText("kind")).contains("truncated");
        } finally {
            jdbc.update("insert into receipt (" + String.join(", ", last.keySet()) + ") values ("
                    + String.join(", ", last.keySet().stream().map(column -> "?").toList()) + ")", last.values().toArray());
            recomputeHead(stream);
        }

        // A checkpoint not signed by the log's key counts for nothing, and says so.
        String forgedCheckpoint = kept.substring(0, kept.indexOf("\n\n") + 2) + "\u2014 reglament.local/decision-log "
                + java.util.Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        JsonNode unsigned = verify(forgedCheckpoint);
        assertThat(unsigned.path("problems").findValuesAsText("kind")).containsExactly("checkpoint-invalid");
        assertThat(verify(kept).path("intact").asBoolean()).isTrue();
    }

    ReceiptRepository receipts() {
        return receiptRepository;
    }

    @Test
    void answersAreStoredSmallAgainstADictionaryAndReadBackByteForByte() throws Exception {
        postText("/api/v1/decisions/action-matrix", matrix(100, "41000000000201"), null);
        String sent = postText("/api/v1/decisions/action-matrix", matrix(101, "41000000000202"), null);
        JsonNode answer = json.readTree(sent);
        assertThat(sent).startsWith("{\"digest\":\"" + answer.path("digest").asText() + "\",\"log\":{\"checkpoint\":");
        // The receipt's place in the log follows the digest; the rest is the canonical answer as stored.
        String canonical = "{" + sent.substring(sent.indexOf("},", sent.indexOf("\"log\":{")) + 2);

        String stored = database().queryForObject("select answer from receipt where decision_id = ?", String.class,
                answer.path("decisionId").asText());
        assertThat(stored).startsWith("zstd:");
        assertThat(stored.length()).isLessThan(canonical.getBytes(StandardCharsets.UTF_8).length / 5);
        assertThat(texts.read(stored)).isEqualTo(canonical);
        String dictionary = stored.substring("zstd:".length(), stored.indexOf(':', "zstd:".length()));
        String content = jdbc.queryForObject("select content from answer_dictionary where id = ?", String.class, dictionary);
        assertThat(Digests.sha256(content)).isEqualTo(dictionary);
    }

    @Test
    void aDictionaryAlteredBehindTheLogsBackIsReported() throws Exception {
        JsonNode answer = post("/api/v1/decisions/action-matrix", matrix(150, "41000000000301"), null);
        String stored = database().queryForObject("select answer from receipt where decision_id = ?", String.class,
                answer.path("decisionId").asText());
        String dictionary = stored.substring("zstd:".length(), stored.indexOf(':', "zstd:".length()));
        Map<String, Object> first = jdbc.queryForMap("select stream, leaf_index from receipt where answer like ? "
                + "order by stream, leaf_index fetch first 1 rows only", "zstd:" + dictionary + ":%");
        String content = jdbc.queryForObject("select content from answer_dictionary where id = ?", String.class, dictionary);
        // Verified once first: the dictionary has been read, and the next verification must not trust that reading.
        assertThat(get("/api/v1/audit/verify", AUDITOR).path("intact").asBoolean()).isTrue();
        try {
            jdbc.update("update answer_dictionary set content = ? where id = ?", content.replace("\"1\"", "\"0\""),
                    dictionary);
            JsonNode broken = get("/api/v1/audit/verify", AUDITOR);
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstProblem").path("kind").asText()).isEqualTo("altered");
            assertThat(broken.path("firstProblem").path("stream").asInt()).isEqualTo(((Number) first.get("stream")).intValue());
            assertThat(broken.path("firstProblem").path("leafIndex").asLong())
                    .isEqualTo(((Number) first.get("leaf_index")).longValue());
            assertThat(broken.path("firstProblem").path("detail").asText()).contains(dictionary);
            HttpResponse<String> unreadable = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/audit/decisions/" + answer.path("decisionId").asText())).header("X-API-Key", AUDITOR).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unreadable.statusCode()).isEqualTo(409);
            assertThat(json.readTree(unreadable.body()).path("type").asText()).isEqualTo("/problems/receipt-unreadable");
        } finally {
            jdbc.update("update answer_dictionary set content = ? where id = ?", content, dictionary);
        }
        assertThat(get("/api/v1/audit/verify", AUDITOR).path("intact").asBoolean()).isTrue();
    }

    @Test
    void auditorsFindReceiptsByRegistryDecisionAndDatesPaged() throws Exception {
        String registryId = "41999" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < 3; i++) {
            post("/api/v1/decisions/action-matrix", matrix(100 + i, registryId), null);
        }
        JsonNode page = get("/api/v1/audit/decisions?registryId=" + registryId + "&decision=action-matrix&asOfFrom=2018-10-01"
                + "&asOfTo=2018-10-01&answeredFrom=2000-01-01T00:00:00.000Z&size=2&page=0", AUDITOR);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(2);
        JsonNode second = get("/api/v1/audit/decisions?registryId=" + registryId + "&size=2&page=1", AUDITOR);
        assertThat(second.path("items")).hasSize(1);
        assertThat(get("/api/v1/audit/decisions?registryId=" + registryId + "&asOfFrom=2018-10-02", AUDITOR)
                .path("total").asLong()).isZero();
        assertThat(get("/api/v1/audit/decisions?registryId=" + registryId + "&answeredTo=2000-01-01T00:00:00.000Z", AUDITOR)
                .path("total").asLong()).isZero();

        // The same receipts paged by position: each page's next is where the following one begins.
        String next = page.path("next").asText();
        assertThat(next).isEqualTo(LogPosition.of(receiptRepository.searchAfter(
                new ReceiptFilter(null, registryId, null, null, null, null, null), null, 2).get(1)).toString());
        JsonNode after = get("/api/v1/audit/decisions?registryId=" + registryId + "&size=2&after=" + next, AUDITOR);
        assertThat(decisionIds(after)).isEqualTo(decisionIds(second));
        assertThat(after.path("total").asLong()).isEqualTo(3);
        assertThat(after.has("next")).as("a page that is not full has nothing after it yet").isFalse();
        List<String> all = new ArrayList<>(decisionIds(page));
        all.addAll(decisionIds(after));
        assertThat(all).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void anAuditorsPositionThatIsNoneOrGivenWithAPageNumberIsNamed() throws Exception {
        for (String after : List.of("2026-12-02T18:00:00.123Z,2", "2026-12-02T18:00:00Z,2,4711",
                "2026-02-30T18:00:00.123Z,2,4711", "2026-12-02T18:00:00.123Z,-2,4711", "%27%20or%201=1")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/audit/decisions?after=" + after)).header("X-API-Key", AUDITOR).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(after).isEqualTo(400);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.path("errors").get(0).path("field").asText()).as(after).isEqualTo("after");
            assertThat(problem.path("errors").get(0).path("reason").asText()).as(after).contains("not a position in the log");
        }
        HttpResponse<String> both = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/audit/decisions?page=1&after=2026-12-02T18:00:00.123Z,2,4711")).header("X-API-Key", AUDITOR)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(json.readTree(both.body()).path("errors").get(0).path("field").asText()).isEqualTo("page");
    }

    /**
     * With several replicas a receipt can be stored after an auditor read a page, yet sort before its end (answered
     * earlier on another replica, stored a moment later). Paged by number, it pushes the page's last receipt onto the
     * next page, read twice; paged by position, every receipt already read stays behind.
     */
    @Test
    void aReceiptStoredWhilePagingThatSortsEarlierDoesNotBringBackOneAlreadyRead() throws Exception {
        String registryId = "41998" + System.nanoTime() % 1_000_000_000L;
        for (int i = 0; i < 4; i++) {
            post("/api/v1/decisions/action-matrix", matrix(100 + i, registryId), null);
        }
        log.awaitStored();
        ReceiptFilter filter = new ReceiptFilter(null, registryId, null, null, null, null, null);
        List<Receipt> first = receiptRepository.searchAfter(filter, null, 2);
        List<Receipt> byNumberFirst = receiptRepository.search(filter, 0, 2);
        assertThat(byNumberFirst).isEqualTo(first);
        Receipt read = first.get(0);
        // Another replica's receipt, answered before every receipt of the page and stored only now.
        int elsewhere = 900_000 + (int) (System.nanoTime() % 90_000);
        database().update("insert into receipt (stream, leaf_index, decision_id, decision, registry_id, as_of, act_id, "
                + "edition, kb_version, answered_at, caller, request, answer, digest) select ?, 0, ?, decision, "
                + "registry_id, as_of, act_id, edition, kb_version, ?, caller, request, answer, digest "
                + "from receipt where decision_id = ?", elsewhere, java.util.UUID.randomUUID().toString(),
                "2000-01-01T00:00:00.000Z", read.decisionId());
        try {
            List<Receipt> byNumberSecond = receiptRepository.search(filter, 2, 2);
            assertThat(byNumberSecond.get(0).decisionId()).as("paged by number, the page's last comes again")
                    .isEqualTo(first.get(1).decisionId());
            List<Receipt> second = receiptRepository.searchAfter(filter, LogPosition.of(first.get(1)), 2);
            assertThat(second).hasSize(2).extracting(Receipt::decisionId)
                    .doesNotContainAnyElementsOf(first.stream().map(Receipt::decisionId).toList());
        } finally {
            jdbc.update("delete from receipt where stream = ?", elsewhere);
        }
    }

    private static List<String> decisionIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("decisionId").asText()));
        return ids;
    }
}
