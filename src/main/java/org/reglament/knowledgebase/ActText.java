package org.reglament.knowledgebase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verbatim text of one edition of an act in one language, as the knowledge base carries it beside the act
 * ({@code texts/<edition>.<language>.txt}), with where it comes from and its clauses.
 */
public final class ActText {
    private final String actId;
    private final String edition;
    private final String path;
    private final TextDescription description;
    private final String content;
    private final List<Clause> clauses;
    private final Map<String, Clause> byId = new LinkedHashMap<>();
    private final Map<String, List<Clause>> children = new LinkedHashMap<>();

    ActText(String actId, String edition, String path, TextDescription description, String content,
            List<Clause> clauses) {
        this.actId = actId;
        this.edition = edition;
        this.path = path;
        this.description = description;
        this.content = content;
        this.clauses = List.copyOf(clauses);
        for (Clause clause : this.clauses) {
            byId.put(clause.id(), clause);
            children.computeIfAbsent(clause.parent(), p -> new ArrayList<>()).add(clause);
        }
    }

    public String actId() {
        return actId;
    }

    public String edition() {
        return edition;
    }

    /** Its path in the knowledge base, e.g. {@code ru/kamchatka_guidelines/texts/1.1.ru.txt}. */
    public String path() {
        return path;
    }

    public String language() {
        return description.language();
    }

    /** Where the text comes from; {@code official()} is false for a summary standing in for an official text. */
    public TextDescription description() {
        return description;
    }

    /** The whole text, verbatim. */
    public String content() {
        return content;
    }

    /** Every clause, in the order of the text (a clause before the clauses inside it). */
    public List<Clause> clauses() {
        return clauses;
    }

    public Optional<Clause> clause(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The clauses directly inside {@code id}; {@code null} for those at the top of the text. */
    public List<Clause> children(String id) {
        return Collections.unmodifiableList(children.getOrDefault(id, List.of()));
    }

    /**
     * The innermost clauses whose text holds {@code quote} (compared as a reader sees it: line breaks and runs of
     * spaces count as one space): where a quote is, in the terms of the act's own numbering.
     */
    public List<Clause> clausesQuoting(String quote) {
        String wanted = normalized(quote);
        List<Clause> holding = clauses.stream().filter(c -> c.normalizedText().contains(wanted)).toList();
        return holding.stream().filter(c -> holding.stream().noneMatch(inner -> c.contains(inner)
                && (inner.from() != c.from() || inner.to() != c.to()))).toList();
    }

    static String normalized(String text) {
        return text.replaceAll("(?U)\\s+", " ").trim();
    }

    @Override
    public String toString() {
        return path;
    }
}
