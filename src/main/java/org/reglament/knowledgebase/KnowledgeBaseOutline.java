package org.reglament.knowledgebase;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reglament.calendar.ProductionCalendar;

/**
 * What a knowledge base says about itself, read from its files without building or running any of its rules: the
 * acts with their editions, parameters and texts, every rule's citation, and the calendars. Enough to compare two versions
 * ({@code KnowledgeBaseDiff}) and to cite; answering needs the compiled {@link KnowledgeBase}.
 */
public final class KnowledgeBaseOutline {
    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\".*?^end\\b");
    private final RuleSources sources;
    private final Map<String, Act> acts;
    private final List<RuleCitation> rules;
    private final Map<String, ProductionCalendar> calendars;
    private final ActTexts texts;

    KnowledgeBaseOutline(RuleSources sources, Map<String, Act> acts, List<RuleCitation> rules,
                         Map<String, ProductionCalendar> calendars, ActTexts texts) {
        this.texts = texts;
        this.sources = sources;
        this.acts = Map.copyOf(acts);
        this.rules = List.copyOf(rules);
        Map<String, RuleCitation> byActAndName = new HashMap<>();
        for (RuleCitation rule : rules) {
            RuleCitation clash = byActAndName.put(rule.actId() + "/" + rule.rule(), rule);
            if (clash != null) {
                throw new KnowledgeBaseException("act " + rule.actId() + " has two rules named \"" + rule.rule()
                        + "\" (packages " + clash.packageName() + " and " + rule.packageName() + ")");
            }
        }
        this.calendars = Map.copyOf(calendars);
    }

    public String version() {
        return sources.version();
    }

    public RuleSources sources() {
        return sources;
    }

    public Collection<Act> acts() {
        return acts.values();
    }

    Map<String, Act> actsById() {
        return acts;
    }

    public List<RuleCitation> rules() {
        return rules;
    }

    public ActTexts texts() {
        return texts;
    }

    /**
     * Each rule's DRL source, {@code rule "…" … end}, by package and name ("ru.kamchatka_guidelines/3.1.4.1"): what an
     * auditor compares between versions and a lawyer reads beside the clause. Read as text, never evaluated.
     */
    public Map<String, String> ruleSources() {
        Map<String, String> texts = new HashMap<>();
        sources.files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                String pkg = path.substring(0, path.lastIndexOf('/')).replace('/', '.');
                Matcher m = RULE.matcher(new String(content, StandardCharsets.UTF_8));
                while (m.find()) {
                    texts.put(pkg + "/" + m.group(1), m.group().strip());
                }
            }
        });
        return texts;
    }

    /** The rules of the DRL files at {@code paths}, by engine name ("ru.kamchatka_guidelines/3.1.4.1"). */
    Set<String> ruleNamesIn(Set<String> paths) {
        Set<String> names = new HashSet<>();
        for (String path : paths) {
            byte[] content = sources.files().get(path);
            if (content != null && path.endsWith(".drl") && path.contains("/")) {
                String pkg = path.substring(0, path.lastIndexOf('/')).replace('/', '.');
                Matcher m = RULE.matcher(new String(content, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(pkg + "/" + m.group(1));
                }
            }
        }
        return Set.copyOf(names);
    }

    Map<String, ProductionCalendar> calendarsByCountry() {
        return calendars;
    }
}
