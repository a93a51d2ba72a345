package org.reglament.knowledgebase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The texts of the acts a knowledge base encodes, read from its own sources (so a candidate or a kept version
 * answers with the texts it was made with): for each encoded edition its {@code source} (and {@code sourceKk}), a
 * path relative to the act's folder, with the description beside it ({@code .yaml}) and its clauses
 * ({@code .clauses.json}). A clause index that does not fit its text is refused, as a rule without a citation is.
 * An edition whose text the sources do not carry has none here (a version kept from before the texts were part of
 * the knowledge base); the project's own knowledge base carries every one (ActTextsTest).
 */
public final class ActTexts {
    static final String DESCRIPTION = ".yaml";
    static final String CLAUSES = ".clauses.json";
    private static final String TEXT = ".txt";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** By act, edition and language. */
    private final Map<String, Map<String, Map<String, ActText>>> texts;

    private ActTexts(Map<String, Map<String, Map<String, ActText>>> texts) {
        this.texts = texts;
    }

    /** @param folders the folder of each act's {@code act.yaml} within the sources, by act id */
    static ActTexts read(RuleSources sources, Collection<Act> acts, Map<String, String> folders) {
        Map<String, Map<String, Map<String, ActText>>> texts = new LinkedHashMap<>();
        for (Act act : acts) {
            for (Edition edition : act.editions()) {
                if (!edition.encoded()) {
                    continue;
                }
                if (edition.source() == null) {
                    throw new KnowledgeBaseException("edition " + edition.edition() + " of " + act.id()
                            + " is encoded but names no source text");
                }
                String folder = folders.get(act.id());
                List<String> files = new ArrayList<>(List.of(edition.source()));
                if (edition.sourceKk() != null) {
                    files.add(edition.sourceKk());
                }
                for (String file : files) {
                    String path = folder.isEmpty() ? file : folder + "/" + file;
                    if (!sources.files().containsKey(path)) {
                        // A version kept from before the texts travelled with the knowledge base cites texts it does
                        // not carry; it must still compile, so that its receipts replay. ActTextsTest holds the
                        // project's own knowledge base to carrying every text.
                        continue;
                    }
                    ActText text = read(sources, act.id(), edition.edition(), path,
                            file.equals(edition.sourceKk()) ? "kk" : "ru");
                    texts.computeIfAbsent(act.id(), a -> new LinkedHashMap<>())
                            .computeIfAbsent(edition.edition(), e -> new LinkedHashMap<>()).put(text.language(), text);
                }
            }
        }
        return new ActTexts(texts);
    }

    private static ActText read(RuleSources sources, String actId, String edition, String path, String language) {
        byte[] content = sources.files().get(path);
        if (!path.endsWith(TEXT)) {
            throw new KnowledgeBaseException(path + ": a text the knowledge base carries is a .txt file");
        }
        String base = path.substring(0, path.length() - TEXT.length());
        String text = new String(content, StandardCharsets.UTF_8);
        TextDescription description = new TextDescription(language, null, null, null, null, null, null, null);
        byte[] yaml = sources.files().get(base + DESCRIPTION);
        if (yaml != null) {
            try {
                description = YAML.readValue(yaml, TextDescription.class);
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read " + base + DESCRIPTION + ": " + e.getMessage(), e);
            }
            if (!language.equals(description.language())) {
                throw new KnowledgeBaseException(base + DESCRIPTION + " says the text is in " + description.language()
                        + ", but the act cites it as its " + language + " text");
            }
        }
        List<Clause> clauses = List.of();
        byte[] json = sources.files().get(base + CLAUSES);
        if (json != null) {
            try {
                clauses = clauses(base + CLAUSES, ClauseIndex.parse(json), text);
            } catch (IOException e) {
                throw new KnowledgeBaseException("cannot read " + base + CLAUSES + ": " + e.getMessage(), e);
            }
        }
        return new ActText(actId, edition, path, description, text, clauses);
    }

    /** The clauses of an index, checked against the text: each where it says, inside its parent, named once. */
    static List<Clause> clauses(String file, ClauseIndex index, String text) {
        Map<String, Clause> known = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int previous = 0;
        for (ClauseIndex.Entry entry : index.clauses()) {
            String where = file + ", clause \"" + entry.id() + "\"";
            if (entry.id() == null || entry.id().isBlank() || !seen.add(entry.id())) {
                throw new KnowledgeBaseException(where + ": every clause has an id of its own");
            }
            if (entry.from() < previous || entry.from() >= entry.to() || entry.to() > text.length()) {
                throw new KnowledgeBaseException(where + ": its span " + entry.from() + "–" + entry.to()
                        + " is out of order or outside the text");
            }
            if (entry.starts() == null || !text.startsWith(entry.starts(), entry.from())) {
                throw new KnowledgeBaseException(where + ": the text at " + entry.from() + " does not start with «"
                        + entry.starts() + "»; the text changed under its clause index: regenerate it");
            }
            Clause clause = new Clause(entry.id(), entry.kind(), entry.parent(), entry.number(), entry.heading(),
                    entry.from(), entry.to(), text.substring(entry.from(), entry.to()));
            if (entry.parent() != null) {
                Clause parent = known.get(entry.parent());
                if (parent == null || !parent.contains(clause)) {
                    throw new KnowledgeBaseException(where + ": its parent \"" + entry.parent()
                            + "\" is not an earlier clause that holds it");
                }
            }
            known.put(entry.id(), clause);
            previous = entry.from();
        }
        return List.copyOf(known.values());
    }

    /** Every text, act by act. */
    public List<ActText> all() {
        return texts.values().stream().flatMap(e -> e.values().stream()).flatMap(l -> l.values().stream()).toList();
    }

    /** The texts of one edition, the Russian first. */
    public List<ActText> of(String actId, String edition) {
        return List.copyOf(texts.getOrDefault(actId, Map.of()).getOrDefault(edition, Map.of()).values());
    }

    public Optional<ActText> text(String actId, String edition, String language) {
        return Optional.ofNullable(texts.getOrDefault(actId, Map.of()).getOrDefault(edition, Map.of()).get(language));
    }

    /** The clause a rule cites, in the Russian text of the edition it cites. */
    public Optional<Clause> clause(RuleCitation rule) {
        return text(rule.actId(), rule.edition(), "ru").flatMap(text -> text.clause(rule.clause()));
    }
}
