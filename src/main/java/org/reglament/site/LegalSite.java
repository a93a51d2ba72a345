package org.reglament.site;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.ActText;
import org.reglament.knowledgebase.Clause;
import org.reglament.knowledgebase.ClauseRegister;
import org.reglament.knowledgebase.Edition;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.LegalParameter;
import org.reglament.knowledgebase.RuleCitation;

/**
 * The lawyers' site as data, generated from one knowledge base, its feature files and the results of this build's
 * test run: every act with its editions and their dates, each text clause by clause with what the clause register
 * says of it (encoded by which rules and parameters, partly, informational, not encoded and why), every rule with its
 * citation, interpretation, DRL source and the scenarios that assert it, and coverage per act and section. Nothing in
 * it is written by hand; the pages ({@link SiteController}) only lay it out.
 */
public final class LegalSite {
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    /** Clauses down to this depth that have parts get a coverage row: "3", "3.1", "3.1.4" of the guidelines. */
    private static final int SECTION_DEPTH = 2;

    public record Status(String code, String label) {
        static Status of(ClauseRegister.Status status) {
            if (status == null) {
                return new Status("unaccounted", "не учтён в реестре");
            }
            return switch (status) {
                case ENCODED -> new Status("encoded", "закодирован");
                case PARTLY_ENCODED -> new Status("partly-encoded", "закодирован частично");
                case INFORMATIONAL -> new Status("informational", "информационный");
                case NOT_ENCODED -> new Status("not-encoded", "не закодирован");
                case PARTS -> new Status("parts", "по частям");
            };
        }
    }

    /** A scenario with its result; {@code url} is its own page, the address a lawyer cites. */
    public record ScenarioView(FeatureScenarios.ScenarioText scenario, ScenarioResults.Result result, String url) {
        public String name() {
            return scenario.name();
        }

        /** The scenario among the others of its feature file. */
        public String featureUrl() {
            return LegalSite.featureUrl(scenario.featurePath()) + "#" + scenario.anchor();
        }
    }

    public record RuleView(RuleCitation citation, String actId, String slug, String url, String drl, Set<String> clauses,
                           List<ScenarioView> scenarios) {
        public String anchor() {
            return "r-" + slug;
        }

        public String name() {
            return citation.rule();
        }

        public String clauseUrl() {
            return LegalSite.clauseUrl(actId, citation.edition(), citation.clause());
        }

        public String clauseUrl(String clause) {
            return LegalSite.clauseUrl(actId, citation.edition(), clause);
        }
    }

    public record ParameterView(LegalParameter parameter, String anchor, String value, String validity) {
    }

    /**
     * One clause on its edition's page. A rule, parameter or scenario beside several clauses is shown in full (with
     * its address) at the first of them, {@code firstShown}; the others link to it, which keeps the page small.
     */
    public record ClauseView(String id, String parent, String anchor, String url, int depth, String kind,
                             String number, String heading, String ownText, Status status, String reason,
                             List<RuleView> rules, List<ParameterView> parameters, List<String> encodedOtherwise,
                             List<ScenarioView> scenarios, Set<String> firstShown, boolean rulesInParts) {
        public boolean leaf() {
            return !"parts".equals(status.code());
        }

        /** Its address within the edition: {@code /site/acts/{act}/editions/{edition}/clauses/{slug}}. */
        public String slug() {
            return anchor.substring("c-".length());
        }

        public boolean first(String anchor) {
            return firstShown.contains(anchor);
        }
    }

    public record TextView(ActText text, List<ClauseView> clauses) {
        public String language() {
            return text.language();
        }

        /** The clause at this address ({@link ClauseView#slug()}). */
        public Optional<ClauseView> clauseAt(String slug) {
            return clauses.stream().filter(c -> c.slug().equals(slug)).findFirst();
        }

        public Optional<ClauseView> clause(String id) {
            return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        /** The clauses directly inside this one, in the text's order. */
        public List<ClauseView> parts(String id) {
            return clauses.stream().filter(c -> id.equals(c.parent())).toList();
        }

        /** The clauses this one lies in, outermost first. */
        public List<ClauseView> within(ClauseView clause) {
            List<ClauseView> chain = new ArrayList<>();
            for (String up = clause.parent(); up != null; ) {
                Optional<ClauseView> outer = clause(up);
                if (outer.isEmpty()) {
                    break;
                }
                chain.add(0, outer.get());
                up = outer.get().parent();
            }
            return chain;
        }

        /** Every clause inside this one, at any depth, in the text's order. */
        public List<ClauseView> inside(ClauseView clause) {
            Clause outer = text.clause(clause.id()).orElseThrow();
            return clauses.stream().filter(c -> !c.id().equals(clause.id())
                    && text.clause(c.id()).map(outer::contains).orElse(false)).toList();
        }
    }

    /** Coverage of an act or one of its sections: leaf clauses by status, and the rules and scenarios over them. */
    public record Coverage(String clause, String heading, String anchor, int clauses, int encoded, int partly,
                           int informational, int notEncoded, int unaccounted, int rules, int scenarios,
                           int scenariosPassed) {
        public int percentEncoded() {
            int decisive = clauses - informational;
            return decisive == 0 ? 100 : (int) Math.round(100.0 * (encoded + partly) / decisive);
        }
    }

    public record EditionView(Edition edition, String label, String from, String until, List<TextView> texts,
                              Coverage coverage, List<Coverage> sections) {
        public boolean encoded() {
            return edition.encoded();
        }
    }

    public record ActView(Act act, String folder, List<EditionView> editions, List<RuleView> rules,
                          List<ParameterView> parameters, List<ScenarioView> scenarios) {
        public String id() {
            return act.id();
        }

        public Optional<EditionView> edition(String edition) {
            return editions.stream().filter(e -> e.edition().edition().equals(edition)).findFirst();
        }

        public Optional<RuleView> rule(String slug) {
            return rules.stream().filter(r -> r.slug().equals(slug)).findFirst();
        }

        /** The rule of this name, or null (a name a scenario gives that another act's rule carries). */
        public RuleView ruleNamed(String name) {
            return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        }
    }

    /**
     * A reading the text leaves open, as the knowledge base takes it; where the request can choose,
     * {@code reading} is the request parameter and value that select this one and {@code alternative} the other.
     */
    public record InterpretationView(String actId, String actTitle, String clause, String clauseUrl, String rule,
                                     String ruleUrl, String anchor, String text, String reading, String alternative) {
    }

    public record FeatureView(FeatureScenarios.Feature feature, String actId, List<ScenarioView> scenarios) {
        public Optional<ScenarioView> scenario(String id) {
            return scenarios.stream().filter(s -> s.scenario().id().equals(id)).findFirst();
        }
    }

    private final String version;
    private final List<ActView> acts;
    private final List<InterpretationView> interpretations;
    private final Map<String, FeatureView> features;
    private final boolean resultsAvailable;

    private LegalSite(String version, List<ActView> acts, List<InterpretationView> interpretations,
                      Map<String, FeatureView> features, boolean resultsAvailable) {
        this.version = version;
        this.acts = acts;
        this.interpretations = interpretations;
        this.features = features;
        this.resultsAvailable = resultsAvailable;
    }

    public String version() {
        return version;
    }

    public List<ActView> acts() {
        return acts;
    }

    public Optional<ActView> act(String id) {
        return acts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public List<InterpretationView> interpretations() {
        return interpretations;
    }

    /** The interpretations the given rules of an act decide by (each with its alternative, where there is one). */
    public List<InterpretationView> interpretationsOf(String actId, java.util.Collection<RuleView> rules) {
        Set<String> names = new java.util.HashSet<>();
        rules.forEach(r -> names.add(r.name()));
        return interpretations.stream().filter(i -> actId.equals(i.actId()) && i.rule() != null && names.contains(i.rule()))
                .toList();
    }

    /** The scenario at {@code /site/scenarios/{feature path}/{scenario id}}. */
    public Optional<ScenarioView> scenarioAt(String featurePath, String scenarioId) {
        return Optional.ofNullable(features.get(featurePath)).flatMap(f -> f.scenario(scenarioId));
    }

    public Map<String, FeatureView> features() {
        return features;
    }

    public boolean resultsAvailable() {
        return resultsAvailable;
    }

    static String actUrl(String actId) {
        return "/site/acts/" + actId;
    }

    static String editionUrl(String actId, String edition) {
        return actUrl(actId) + "/editions/" + edition;
    }

    /** A clause's own page, the address a lawyer cites; the edition's page shows it in place at #c-{slug}. */
    static String clauseUrl(String actId, String edition, String clause) {
        return editionUrl(actId, edition) + "/clauses/" + Slugs.of(clause);
    }

    static String ruleUrl(String actId, String slug) {
        return actUrl(actId) + "/rules/" + slug;
    }

    static String featureUrl(String featurePath) {
        return "/site/features/" + featurePath;
    }

    static String scenarioUrl(String featurePath, String scenarioId) {
        return "/site/scenarios/" + featurePath + "/" + scenarioId;
    }

    public static LegalSite of(KnowledgeBase knowledgeBase, FeatureScenarios featureFiles, ScenarioResults results) {
        Map<String, String> folders = folders(knowledgeBase);
        // Scenarios first: a rule's page lists those that assert it by name.
        Map<String, FeatureView> features = new LinkedHashMap<>();
        Map<String, List<ScenarioView>> byRule = new HashMap<>();
        Map<String, String> actOfFolder = new HashMap<>();
        folders.forEach((act, folder) -> actOfFolder.put(folder, act));
        Map<String, Set<String>> actsByRuleName = new HashMap<>();
        knowledgeBase.rules().forEach(r -> actsByRuleName.computeIfAbsent(r.rule(), n -> new LinkedHashSet<>()).add(r.actId()));
        for (FeatureScenarios.Feature feature : featureFiles.features()) {
            String actId = actOfFolder.get(feature.folder());
            List<ScenarioView> views = new ArrayList<>();
            for (FeatureScenarios.ScenarioText scenario : feature.scenarios()) {
                ScenarioView view = new ScenarioView(scenario, results.of(feature.path() + ".feature", scenario.lines(),
                        scenario.lines().size() == 1 && scenario.lines().get(0) == scenario.line() ? scenario.name() : null),
                        scenarioUrl(feature.path(), scenario.id()));
                views.add(view);
                for (String rule : scenario.rulesAsserted()) {
                    Set<String> owners = actsByRuleName.getOrDefault(rule, Set.of());
                    // A rule named in a feature of its own act's folder is that act's; elsewhere, any act's of that name.
                    Set<String> meant = actId != null && owners.contains(actId) ? Set.of(actId) : owners;
                    meant.forEach(owner -> byRule.computeIfAbsent(owner + "/" + rule, k -> new ArrayList<>()).add(view));
                }
            }
            features.put(feature.path(), new FeatureView(feature, actId, List.copyOf(views)));
        }

        Map<String, String> drl = knowledgeBase.outline().ruleSources();
        Map<String, ClauseRegister.ActRegister> registers = new HashMap<>();
        ClauseRegister.of(knowledgeBase).forEach(r -> registers.put(r.actId() + "/" + r.edition(), r));

        List<ActView> acts = new ArrayList<>();
        List<InterpretationView> interpretations = new ArrayList<>();
        for (Act act : knowledgeBase.acts().stream().sorted(Comparator.comparing(Act::id)).toList()) {
            List<RuleCitation> citations = knowledgeBase.rules().stream().filter(r -> r.actId().equals(act.id()))
                    .sorted(Comparator.comparing(RuleCitation::clause, LegalSite::compareClauses)
                            .thenComparing(RuleCitation::rule)).toList();
            Map<String, RuleView> rulesByName = new LinkedHashMap<>();
            Set<String> slugs = new LinkedHashSet<>();
            Map<String, Set<String>> clausesOfRule = new HashMap<>();
            for (ClauseRegister.ActRegister register : registers.values()) {
                if (register.actId().equals(act.id())) {
                    for (ClauseRegister.Entry entry : register.clauses()) {
                        for (String by : entry.encodedBy()) {
                            ruleName(by).ifPresent(name -> clausesOfRule.computeIfAbsent(name, n -> new LinkedHashSet<>())
                                    .add(entry.clause()));
                        }
                    }
                }
            }
            for (RuleCitation rule : citations) {
                String slug = FeatureScenarios.unique(slugs, Slugs.of(rule.rule()));
                Set<String> clauses = new LinkedHashSet<>();
                clauses.add(rule.clause());
                clauses.addAll(clausesOfRule.getOrDefault(rule.rule(), Set.of()));
                List<ScenarioView> scenarios = byRule.getOrDefault(act.id() + "/" + rule.rule(), List.of()).stream()
                        .distinct().toList();
                rulesByName.put(rule.rule(), new RuleView(rule, act.id(), slug, ruleUrl(act.id(), slug),
                        drl.get(rule.packageName() + "/" + rule.rule()), Set.copyOf(clauses), scenarios));
                if (rule.interpretation() != null || rule.reading() != null) {
                    interpretations.add(new InterpretationView(act.id(), act.shortTitle(), rule.clause(),
                            clauseUrl(act.id(), rule.edition(), rule.clause()), rule.rule(),
                            ruleUrl(act.id(), slug), "i-" + Slugs.of(act.id()) + "-" + slug, rule.interpretation(),
                            rule.reading(), rule.alternative()));
                }
            }
            List<ParameterView> parameters = act.parameters().stream().map(LegalSite::parameter).toList();
            List<EditionView> editions = new ArrayList<>();
            for (Edition edition : act.editions()) {
                if (edition.interpretation() != null) {
                    interpretations.add(new InterpretationView(act.id(), act.shortTitle(), "редакция " + edition.label(),
                            actUrl(act.id()) + "#e-" + Slugs.of(edition.edition()), null, null,
                            "i-" + Slugs.of(act.id()) + "-edition-" + Slugs.of(edition.edition()),
                            edition.interpretation(), null, null));
                }
                editions.add(edition(knowledgeBase, act, edition, registers.get(act.id() + "/" + edition.edition()),
                        rulesByName, parameters));
            }
            List<ScenarioView> scenarios = features.values().stream().filter(f -> act.id().equals(f.actId()))
                    .flatMap(f -> f.scenarios().stream()).toList();
            acts.add(new ActView(act, folders.get(act.id()), List.copyOf(editions), List.copyOf(rulesByName.values()),
                    parameters, scenarios));
        }
        return new LegalSite(knowledgeBase.version(), List.copyOf(acts), List.copyOf(interpretations), features,
                !results.isEmpty());
    }

    private static EditionView edition(KnowledgeBase knowledgeBase, Act act, Edition edition,
                                       ClauseRegister.ActRegister register, Map<String, RuleView> rules,
                                       List<ParameterView> parameters) {
        String from = RUSSIAN_DATE.format(edition.inForceFrom());
        String until = edition.inForceUntil() == null ? null : RUSSIAN_DATE.format(edition.inForceUntil());
        if (!edition.encoded()) {
            return new EditionView(edition, edition.label(), from, until, List.of(), null, List.of());
        }
        Map<String, ClauseRegister.Entry> entries = new HashMap<>();
        if (register != null) {
            register.clauses().forEach(e -> entries.put(e.clause(), e));
        }
        List<TextView> texts = new ArrayList<>();
        List<ClauseView> russian = null;
        for (ActText text : knowledgeBase.texts().of(act.id(), edition.edition())) {
            List<ClauseView> clauses = new ArrayList<>();
            Set<String> shown = new java.util.HashSet<>();
            for (Clause clause : text.clauses()) {
                ClauseRegister.Entry entry = entries.get(clause.id());
                List<RuleView> encoding = new ArrayList<>();
                List<ParameterView> params = new ArrayList<>();
                List<String> otherwise = new ArrayList<>();
                if (entry != null) {
                    for (String by : entry.encodedBy()) {
                        Optional<String> rule = ruleName(by);
                        Optional<String> parameter = by.startsWith("parameter ") ? Optional.of(by.substring(10)) : Optional.empty();
                        if (rule.isPresent() && rules.containsKey(rule.get())) {
                            encoding.add(rules.get(rule.get()));
                        } else if (parameter.isPresent()) {
                            parameters.stream().filter(p -> p.parameter().name().equals(parameter.get())).forEach(params::add);
                        } else {
                            // The register names a document part or plan item in its own terms; the site in Russian.
                            otherwise.add(by.replaceFirst("^document (\\S+) part (\\S+)$", "документ $1, часть $2")
                                    .replaceFirst("^plan item ", "пункт плана "));
                        }
                    }
                } else {
                    rules.values().stream().filter(r -> r.citation().edition().equals(edition.edition())
                            && r.citation().clause().equals(clause.id())).forEach(encoding::add);
                    parameters.stream().filter(p -> clause.id().equals(p.parameter().clause())).forEach(params::add);
                }
                // A rule that also encodes parts of this clause is shown beside those parts, not here as well.
                int before = encoding.size();
                encoding.removeIf(r -> r.clauses().stream().anyMatch(id -> !id.equals(clause.id())
                        && text.clause(id).map(clause::contains).orElse(false)));
                boolean rulesInParts = encoding.size() < before;
                List<ScenarioView> scenarios = encoding.stream().flatMap(r -> r.scenarios().stream()).distinct().toList();
                Set<String> firstShown = new java.util.HashSet<>();
                encoding.forEach(r -> { if (shown.add(r.anchor())) firstShown.add(r.anchor()); });
                params.forEach(p -> { if (shown.add(p.anchor())) firstShown.add(p.anchor()); });
                scenarios.forEach(sc -> { if (shown.add(sc.url())) firstShown.add(sc.url()); });
                ClauseRegister.Status status = entry == null ? (encoding.isEmpty() ? null : ClauseRegister.Status.ENCODED)
                        : entry.status();
                clauses.add(new ClauseView(clause.id(), clause.parent(), "c-" + Slugs.of(clause.id()),
                        clauseUrl(act.id(), edition.edition(), clause.id()), depth(text, clause), clause.kind(),
                        clause.number(), clause.heading(), ownText(text, clause), Status.of(status),
                        entry == null ? null : entry.note(), List.copyOf(encoding), List.copyOf(params),
                        List.copyOf(otherwise), scenarios, Set.copyOf(firstShown), rulesInParts));
            }
            if (russian == null) {
                russian = clauses;
            }
            texts.add(new TextView(text, List.copyOf(clauses)));
        }
        List<ClauseView> clauses = russian == null ? List.of() : russian;
        Coverage whole = coverage(null, act.shortTitle(), null, clauses);
        List<Coverage> sections = new ArrayList<>();
        ActText text = knowledgeBase.texts().of(act.id(), edition.edition()).stream().findFirst().orElse(null);
        if (text != null) {
            for (ClauseView clause : clauses) {
                if (clause.depth() <= SECTION_DEPTH && !text.children(clause.id()).isEmpty()) {
                    Clause section = text.clause(clause.id()).orElseThrow();
                    List<ClauseView> inside = clauses.stream()
                            .filter(other -> section.contains(text.clause(other.id()).orElseThrow())).toList();
                    sections.add(coverage(clause.id(), clause.heading(), clause.anchor(), inside));
                }
            }
        }
        return new EditionView(edition, edition.label(), from, until, List.copyOf(texts), whole, List.copyOf(sections));
    }

    private static Coverage coverage(String clause, String heading, String anchor, List<ClauseView> clauses) {
        int leaves = 0, encoded = 0, partly = 0, informational = 0, notEncoded = 0, unaccounted = 0;
        Set<String> rules = new LinkedHashSet<>();
        Set<String> scenarios = new LinkedHashSet<>();
        Set<String> passed = new LinkedHashSet<>();
        for (ClauseView c : clauses) {
            c.rules().forEach(r -> rules.add(r.name()));
            c.scenarios().forEach(s -> {
                scenarios.add(s.url());
                if ("passed".equals(s.result().status())) {
                    passed.add(s.url());
                }
            });
            if (!c.leaf()) {
                continue;
            }
            leaves++;
            switch (c.status().code()) {
                case "encoded" -> encoded++;
                case "partly-encoded" -> partly++;
                case "informational" -> informational++;
                case "not-encoded" -> notEncoded++;
                default -> unaccounted++;
            }
        }
        return new Coverage(clause, heading, anchor, leaves, encoded, partly, informational, notEncoded, unaccounted,
                rules.size(), scenarios.size(), passed.size());
    }

    /** The clause's own words: its text up to the first clause inside it (those are shown as clauses of their own). */
    private static String ownText(ActText text, Clause clause) {
        List<Clause> children = text.children(clause.id());
        String own = children.isEmpty() ? clause.text()
                : text.content().substring(clause.from(), children.get(0).from());
        return own.strip();
    }

    private static int depth(ActText text, Clause clause) {
        int depth = 0;
        for (String up = clause.parent(); up != null; up = text.clause(up).map(Clause::parent).orElse(null)) {
            depth++;
        }
        return depth;
    }

    /** "rule «3.1.4.3 абз. 2»", as the register names what encodes a clause. */
    private static Optional<String> ruleName(String encodedBy) {
        return encodedBy.startsWith("rule «") && encodedBy.endsWith("»")
                ? Optional.of(encodedBy.substring("rule «".length(), encodedBy.length() - 1)) : Optional.empty();
    }

    private static ParameterView parameter(LegalParameter p) {
        String value = p.value() != null ? p.value().toPlainString() + (p.measuredIn() == null ? "" : " " + p.measuredIn())
                : p.date() != null ? RUSSIAN_DATE.format(p.date()) : p.monthDay() != null ? p.monthDay() : "";
        String validity = "с " + RUSSIAN_DATE.format(p.validFrom())
                + (p.validTo() == null ? "" : " по " + RUSSIAN_DATE.format(p.validTo()));
        return new ParameterView(p, "p-" + Slugs.of(p.name()), value, validity);
    }

    /** The folder of each act's act.yaml within the knowledge base ("ru/kamchatka_guidelines"). */
    private static Map<String, String> folders(KnowledgeBase knowledgeBase) {
        Map<String, String> folders = new HashMap<>();
        var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        knowledgeBase.sources().files().forEach((path, content) -> {
            if (path.endsWith("/act.yaml")) {
                try {
                    folders.put(yaml.readTree(content).path("id").asText(), path.substring(0, path.lastIndexOf('/')));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("cannot read " + path, e);
                }
            }
        });
        return folders;
    }

    /** Clause ids in the order of the text's numbering: "3.1.4.9" before "3.1.4.10", "2" before "10". */
    static int compareClauses(String a, String b) {
        String[] x = a.split("[.\\s]+");
        String[] y = b.split("[.\\s]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean nx = x[i].matches("\\d+");
            boolean ny = y[i].matches("\\d+");
            int c = nx && ny ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
