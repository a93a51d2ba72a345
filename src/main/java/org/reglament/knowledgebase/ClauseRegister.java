package org.reglament.knowledgebase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What the knowledge base does with every clause of every text it carries: which rules (and parameters, document
 * parts, plan items) encode it, or why it is informational or not encoded. "Encoded" is derived, never listed by
 * hand: a clause is encoded by a rule that cites it ({@code @clause}), is named after it ("3.1.4.3 абз. 2"), or
 * quotes it from within the clause it cites; likewise for parameters, the parts of documents.yaml and the items of
 * plan.yaml. The act's {@code register.yaml} lists the rest: {@code informational}, {@code not-encoded} and
 * {@code partly-encoded} clauses, each with its reason, and {@code encoded} ones only where no rule can show it (a
 * clause encoded as data: an edition's interval in act.yaml), saying by what. A clause with parts is accounted for when its parts are.
 * {@link #problems} names every clause that is in none of these, and every entry that contradicts the rules.
 */
public final class ClauseRegister {
    static final String FILE = "register.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public enum Status {
        ENCODED("encoded"),
        /** Encoded by rules, with something the reason names left out. */
        PARTLY_ENCODED("partly-encoded"),
        INFORMATIONAL("informational"),
        NOT_ENCODED("not-encoded"),
        /** A clause with parts, accounted for by its parts. */
        PARTS("parts");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    /** One clause: the texts (languages) it is in, its status, what encodes it, and the register's reason. */
    public record Entry(String clause, List<String> languages, Status status, List<String> encodedBy, String note) {
    }

    /** The register of one act's encoded edition: every clause of its texts, and what does not add up. */
    public record ActRegister(String actId, String edition, List<Entry> clauses, List<String> problems) {
    }

    private ClauseRegister() {
    }

    /** The register of every act with a text, from the knowledge base's own rules, data files and register.yaml. */
    public static List<ActRegister> of(KnowledgeBase knowledgeBase) {
        List<ActRegister> registers = new ArrayList<>();
        knowledgeBase.acts().stream().sorted(java.util.Comparator.comparing(Act::id)).forEach(act -> act.editions()
                .stream().filter(Edition::encoded).forEach(edition -> {
                    List<ActText> texts = knowledgeBase.texts().of(act.id(), edition.edition());
                    if (!texts.isEmpty()) {
                        registers.add(of(knowledgeBase, act, edition, texts, listed(knowledgeBase, act)));
                    }
                }));
        return registers;
    }

    /** The register of one act's edition, against the entries {@code listed} (status → clause → reason). */
    static ActRegister of(KnowledgeBase knowledgeBase, Act act, Edition edition, List<ActText> texts,
                          Map<Status, Map<String, String>> listed) {
        Map<String, Set<String>> encodedBy = derive(knowledgeBase, act, edition, texts);
        Map<String, Status> listedStatus = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        listed.forEach((status, clauses) -> clauses.forEach((clause, reason) -> {
            if (listedStatus.put(clause, status) != null) {
                problems.add(FILE + " lists \"" + clause + "\" twice");
            }
            reasons.put(clause, reason);
            if (reason == null || reason.isBlank()) {
                problems.add(FILE + ": \"" + clause + "\" (" + status.code() + ") has no reason");
            }
        }));
        Map<String, List<String>> languages = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (ActText text : texts) {
            for (Clause clause : text.clauses()) {
                languages.computeIfAbsent(clause.id(), id -> new ArrayList<>()).add(text.language());
                children.computeIfAbsent(clause.id(), id -> new ArrayList<>());
                text.children(clause.id()).forEach(child -> {
                    if (!children.get(clause.id()).contains(child.id())) {
                        children.get(clause.id()).add(child.id());
                    }
                });
            }
        }
        for (String clause : listedStatus.keySet()) {
            if (!languages.containsKey(clause)) {
                problems.add(FILE + " lists \"" + clause + "\", which is no clause of " + act.id() + " " + edition.edition());
            }
        }
        Map<String, String> parents = new LinkedHashMap<>();
        for (ActText text : texts) {
            text.clauses().forEach(clause -> parents.putIfAbsent(clause.id(), clause.parent()));
        }
        Map<String, Status> statuses = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>(reasons);
        for (String clause : languages.keySet()) {
            status(clause, children, parents, encodedBy, listedStatus, reasons, statuses, notes, problems);
        }
        List<Entry> entries = new ArrayList<>();
        for (String clause : languages.keySet()) {
            entries.add(new Entry(clause, languages.get(clause), statuses.get(clause),
                    List.copyOf(encodedBy.getOrDefault(clause, Set.of())), notes.get(clause)));
        }
        return new ActRegister(act.id(), edition.edition(), List.copyOf(entries), List.copyOf(problems));
    }

    /**
     * A clause's status (null: accounted for by nothing), its parts' first. An entry of register.yaml holds for the
     * parts of its clause that nothing else accounts for (those of a partly encoded clause are the part not encoded).
     */
    private static Status status(String clause, Map<String, List<String>> children, Map<String, String> parents,
                                 Map<String, Set<String>> encodedBy, Map<String, Status> listed,
                                 Map<String, String> reasons, Map<String, Status> statuses, Map<String, String> notes,
                                 List<String> problems) {
        if (statuses.containsKey(clause)) {
            return statuses.get(clause);
        }
        boolean partsAccounted = true;
        boolean partEncoded = false;
        for (String child : children.getOrDefault(clause, List.of())) {
            Status part = status(child, children, parents, encodedBy, listed, reasons, statuses, notes, problems);
            partsAccounted &= part != null;
            partEncoded |= part == Status.ENCODED || part == Status.PARTLY_ENCODED;
        }
        boolean encoded = encodedBy.containsKey(clause);
        Status given = listed.get(clause);
        String ancestor = null;
        for (String up = parents.get(clause); up != null && ancestor == null; up = parents.get(up)) {
            if (listed.containsKey(up)) {
                ancestor = up;
            }
        }
        Status status;
        if (given == Status.ENCODED) {
            if (encoded) {
                problems.add(FILE + " lists \"" + clause + "\" as encoded, but the rules already encode it ("
                        + encodedBy.get(clause) + "): the register derives that");
            }
            encodedBy.computeIfAbsent(clause, c -> new TreeSet<>()).add(reasons.get(clause));
            status = given;
        } else if (given == Status.PARTLY_ENCODED) {
            if (!encoded && !partEncoded) {
                problems.add(FILE + " says \"" + clause + "\" is partly encoded, but no rule encodes it or a part of it");
            }
            status = given;
        } else if (given != null) {
            if (encoded) {
                problems.add(FILE + " says \"" + clause + "\" is " + given.code() + ", but it is encoded by "
                        + encodedBy.get(clause));
            }
            status = given;
        } else if (encoded) {
            status = Status.ENCODED;
        } else if (ancestor != null) {
            Status held = listed.get(ancestor);
            status = held == Status.PARTLY_ENCODED ? Status.NOT_ENCODED : held;
            notes.put(clause, "как «" + ancestor + "»: " + reasons.get(ancestor));
        } else if (!children.getOrDefault(clause, List.of()).isEmpty() && partsAccounted) {
            status = Status.PARTS;
        } else {
            status = null;
            problems.add("\"" + clause + "\" is neither encoded nor listed in " + FILE
                    + " as informational, partly encoded or not encoded");
        }
        statuses.put(clause, status);
        return status;
    }

    /** Clause id → what encodes it: rules, parameters, document parts and plan items of this act's edition. */
    private static Map<String, Set<String>> derive(KnowledgeBase knowledgeBase, Act act, Edition edition,
                                                   List<ActText> texts) {
        Map<String, Set<String>> encodedBy = new LinkedHashMap<>();
        for (RuleCitation rule : knowledgeBase.rules()) {
            if (rule.actId().equals(act.id()) && rule.edition().equals(edition.edition())) {
                String who = "rule «" + rule.rule() + "»";
                for (ActText text : texts) {
                    mark(encodedBy, text, rule.clause(), who);
                    finestClauseNaming(text, rule.rule()).ifPresent(named -> mark(encodedBy, text, named.id(), who));
                    quoted(encodedBy, text, rule.clause(), text.language().equals("kk") ? rule.quoteKk() : rule.quote(), who);
                }
            }
        }
        for (LegalParameter parameter : act.parameters()) {
            String who = "parameter " + parameter.name();
            for (ActText text : texts) {
                mark(encodedBy, text, parameter.clause(), who);
                quoted(encodedBy, text, parameter.clause(),
                        text.language().equals("kk") ? parameter.quoteKk() : parameter.quote(), who);
            }
        }
        JsonNode documents = data(knowledgeBase, act, "documents.yaml").path("documents");
        documents.fields().forEachRemaining(document -> {
            String clause = document.getValue().path("clause").asText();
            for (JsonNode part : document.getValue().path("parts")) {
                String who = "document " + document.getKey() + " part " + part.path("id").asText();
                for (ActText text : texts) {
                    quoted(encodedBy, text, clause, part.path(text.language().equals("kk") ? "quoteKk" : "quote")
                            .asText(null), who);
                }
            }
        });
        for (JsonNode item : data(knowledgeBase, act, "plan.yaml").path("items")) {
            for (ActText text : texts) {
                mark(encodedBy, text, item.path("item").asText(), "plan item " + item.path("item").asText());
            }
        }
        return encodedBy;
    }

    private static void mark(Map<String, Set<String>> encodedBy, ActText text, String clause, String who) {
        if (text.clause(clause).isPresent()) {
            encodedBy.computeIfAbsent(clause, c -> new TreeSet<>()).add(who);
        }
    }

    /** The innermost clauses within {@code within} that hold {@code quote}. */
    private static void quoted(Map<String, Set<String>> encodedBy, ActText text, String within, String quote,
                               String who) {
        Optional<Clause> outer = text.clause(within);
        if (quote == null || quote.isBlank() || outer.isEmpty()) {
            return;
        }
        for (Clause clause : text.clausesQuoting(quote)) {
            if (outer.get().contains(clause)) {
                mark(encodedBy, text, clause.id(), who);
            }
        }
    }

    /** The longest clause id the rule's name begins with, up to a space or a colon ("3.6.6 п. 3" in "3.6.6 п. 3 …"). */
    static Optional<Clause> finestClauseNaming(ActText text, String name) {
        Optional<Clause> finest = Optional.empty();
        for (int end = 1; end <= name.length(); end++) {
            if (end == name.length() || name.charAt(end) == ' ' || name.charAt(end) == ':') {
                Optional<Clause> clause = text.clause(name.substring(0, end));
                if (clause.isPresent()) {
                    finest = clause;
                }
            }
        }
        return finest;
    }

    /** The act's register.yaml: status → clause → reason. */
    private static Map<Status, Map<String, String>> listed(KnowledgeBase knowledgeBase, Act act) {
        JsonNode register = data(knowledgeBase, act, FILE);
        Map<Status, Map<String, String>> listed = new LinkedHashMap<>();
        for (Status status : List.of(Status.ENCODED, Status.INFORMATIONAL, Status.NOT_ENCODED, Status.PARTLY_ENCODED)) {
            Map<String, String> clauses = new LinkedHashMap<>();
            register.path(status.code()).fields().forEachRemaining(e -> clauses.put(e.getKey(), e.getValue().asText(null)));
            listed.put(status, clauses);
        }
        return listed;
    }

    private static JsonNode data(KnowledgeBase knowledgeBase, Act act, String file) {
        String folder = folderOf(knowledgeBase, act);
        byte[] content = folder == null ? null : knowledgeBase.sources().files().get(folder + "/" + file);
        if (content == null) {
            return YAML.createObjectNode();
        }
        try {
            return YAML.readTree(content);
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read " + folder + "/" + file + ": " + e.getMessage(), e);
        }
    }

    /** The folder of the act's act.yaml: the one that holds the texts of its encoded editions. */
    private static String folderOf(KnowledgeBase knowledgeBase, Act act) {
        Set<String> folders = new LinkedHashSet<>();
        for (ActText text : knowledgeBase.texts().all()) {
            if (text.actId().equals(act.id())) {
                String path = text.path();
                folders.add(path.substring(0, path.indexOf("/texts/")));
            }
        }
        return folders.stream().findFirst().orElse(null);
    }
}
