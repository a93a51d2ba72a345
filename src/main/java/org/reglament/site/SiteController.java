package org.reglament.site;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Hidden;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.RuleSources;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The lawyers' site, in Russian, rendered on the server from {@link LegalSite} (Thymeleaf templates under
 * {@code templates/site/}, escaped by default). {@code /} leads to it; the JSON API stays under {@code /api/v1}. The
 * forms «Попробовать» and the auditor's page call that API from the browser, with the caller's own key or token.
 */
@Controller
@Hidden
public class SiteController {
    private final KnowledgeBase knowledgeBase;
    private final Path featuresDirectory;
    private final Path resultsDirectory;
    private final SiteVersions versions;
    private final TryForms tryForms;
    private volatile LegalSite site;

    public SiteController(KnowledgeBase knowledgeBase, SiteVersions versions, TryForms tryForms,
                          @Value("${reglament.site.features-directory:}") String featuresDirectory,
                          @Value("${reglament.site.scenario-results:}") String resultsDirectory) {
        this.knowledgeBase = knowledgeBase;
        this.versions = versions;
        this.tryForms = tryForms;
        this.featuresDirectory = featuresDirectory.isBlank() ? null : Path.of(featuresDirectory);
        this.resultsDirectory = resultsDirectory.isBlank() ? null : Path.of(resultsDirectory);
    }

    /** Built once, at the first page asked for: the knowledge base and the features do not change while it runs. */
    LegalSite site() {
        LegalSite built = site;
        if (built == null) {
            synchronized (this) {
                if (site == null) {
                    RuleSources features = featuresDirectory == null ? RuleSources.fromClasspath("features")
                            : RuleSources.fromDirectory(featuresDirectory);
                    site = LegalSite.of(knowledgeBase, FeatureScenarios.parse(features.files()),
                            ScenarioResults.load(resultsDirectory));
                }
                built = site;
            }
        }
        return built;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/site/";
    }

    @GetMapping({"/site", "/site/"})
    public String index(Model model) {
        model.addAttribute("site", site());
        model.addAttribute("title", "Регламент: акты, правила, сценарии");
        return "site/index";
    }

    @GetMapping("/site/acts/{act}")
    public String act(@PathVariable String act, Model model) {
        LegalSite.ActView view = found(site().act(act), "акта " + act);
        model.addAttribute("site", site());
        model.addAttribute("act", view);
        model.addAttribute("title", view.act().shortTitle());
        return "site/act";
    }

    @GetMapping("/site/acts/{act}/editions/{edition}")
    public String edition(@PathVariable String act, @PathVariable String edition,
                          @RequestParam(name = "lang", defaultValue = "ru") String language, Model model) {
        LegalSite.ActView view = found(site().act(act), "акта " + act);
        LegalSite.EditionView shown = found(view.edition(edition).filter(LegalSite.EditionView::encoded),
                "закодированной редакции " + edition + " акта " + act);
        LegalSite.TextView text = found(shown.texts().stream().filter(t -> t.language().equals(language)).findFirst(),
                "текста на языке " + language);
        model.addAttribute("site", site());
        model.addAttribute("act", view);
        model.addAttribute("edition", shown);
        model.addAttribute("text", text);
        model.addAttribute("title", view.act().shortTitle() + ", редакция " + shown.label());
        return "site/edition";
    }

    /**
     * One clause on a page of its own, the address a lawyer cites in a letter: its text (in each language the edition
     * has), what the register says of it, its rules with their conditions, interpretations and DRL, its parameters,
     * the clauses inside it with theirs, and the scenarios with this build's results.
     */
    @GetMapping("/site/acts/{act}/editions/{edition}/clauses/{clause}")
    public String clause(@PathVariable String act, @PathVariable String edition, @PathVariable String clause,
                         Model model) {
        LegalSite.ActView view = found(site().act(act), "акта " + act);
        LegalSite.EditionView shown = found(view.edition(edition).filter(LegalSite.EditionView::encoded),
                "закодированной редакции " + edition + " акта " + act);
        LegalSite.TextView text = found(shown.texts().stream().filter(t -> t.clauseAt(clause).isPresent()).findFirst(),
                "пункта " + clause + " в редакции " + edition);
        LegalSite.ClauseView shownClause = text.clauseAt(clause).orElseThrow();
        List<LegalSite.ClauseView> inside = text.inside(shownClause);
        Set<LegalSite.RuleView> rules = new LinkedHashSet<>(shownClause.rules());
        inside.forEach(c -> rules.addAll(c.rules()));
        model.addAttribute("site", site());
        model.addAttribute("act", view);
        model.addAttribute("edition", shown);
        model.addAttribute("text", text);
        model.addAttribute("clause", shownClause);
        model.addAttribute("within", text.within(shownClause));
        model.addAttribute("parts", text.parts(shownClause.id()));
        model.addAttribute("encodedInside", inside.stream().filter(c -> !c.rules().isEmpty() || !c.parameters().isEmpty()
                || !c.encodedOtherwise().isEmpty()).toList());
        model.addAttribute("otherLanguages", shown.texts().stream().filter(t -> t != text)
                .flatMap(t -> t.clause(shownClause.id()).map(c -> Map.entry(t.language(), c)).stream()).toList());
        model.addAttribute("interpretations", site().interpretationsOf(act, rules));
        Set<LegalSite.ScenarioView> scenarios = new LinkedHashSet<>(shownClause.scenarios());
        inside.forEach(c -> scenarios.addAll(c.scenarios()));
        model.addAttribute("scenarios", List.copyOf(scenarios));
        model.addAttribute("title", "Пункт " + shownClause.id() + " — " + view.act().shortTitle() + ", редакция "
                + shown.label());
        return "site/clause";
    }

    /** One scenario on a page of its own: its Gherkin, its result in this build's run, the rules and clauses it shows. */
    @GetMapping("/site/scenarios/{*path}")
    public String scenario(@PathVariable String path, Model model) {
        String address = path.replaceFirst("^/", "");
        int last = address.lastIndexOf('/');
        LegalSite.ScenarioView scenario = found(last < 0 ? Optional.empty()
                : site().scenarioAt(address.substring(0, last), address.substring(last + 1)), "сценария " + address);
        LegalSite.FeatureView feature = site().features().get(scenario.scenario().featurePath());
        LegalSite.ActView act = feature.actId() == null ? null : site().act(feature.actId()).orElse(null);
        model.addAttribute("site", site());
        model.addAttribute("scenario", scenario);
        model.addAttribute("feature", feature);
        model.addAttribute("act", act);
        model.addAttribute("rules", act == null ? List.of() : scenario.scenario().rulesAsserted().stream()
                .map(act::ruleNamed).filter(Objects::nonNull).toList());
        model.addAttribute("resultsAvailable", site().resultsAvailable());
        model.addAttribute("title", "Сценарий «" + scenario.name() + "»");
        return "site/scenario";
    }

    @GetMapping("/site/acts/{act}/rules/{rule}")
    public String rule(@PathVariable String act, @PathVariable String rule, Model model) {
        LegalSite.ActView view = found(site().act(act), "акта " + act);
        LegalSite.RuleView shown = found(view.rule(rule), "правила " + rule);
        model.addAttribute("site", site());
        model.addAttribute("act", view);
        model.addAttribute("rule", shown);
        model.addAttribute("title", "Правило «" + shown.name() + "»");
        return "site/rule";
    }

    @GetMapping("/site/features/{*path}")
    public String feature(@PathVariable String path, Model model) {
        LegalSite.FeatureView feature = found(Optional.ofNullable(site().features().get(path.replaceFirst("^/", ""))),
                "функции " + path);
        model.addAttribute("site", site());
        model.addAttribute("feature", feature);
        model.addAttribute("act", feature.actId() == null ? null : site().act(feature.actId()).orElse(null));
        model.addAttribute("resultsAvailable", site().resultsAvailable());
        model.addAttribute("title", feature.feature().name());
        return "site/feature";
    }

    @GetMapping("/site/interpretations")
    public String interpretations(Model model) {
        model.addAttribute("site", site());
        model.addAttribute("title", "Толкования");
        return "site/interpretations";
    }

    @GetMapping("/site/versions")
    public String versions(Model model) {
        model.addAttribute("versions", versions.list());
        model.addAttribute("live", knowledgeBase.version());
        model.addAttribute("title", "Версии базы знаний");
        return "site/versions";
    }

    @GetMapping("/site/versions/{version}")
    public String version(@PathVariable String version, Model model) {
        SiteVersions.VersionChanges changes = found(versions.changes(version), "версии " + version);
        model.addAttribute("changes", changes);
        model.addAttribute("live", knowledgeBase.version());
        model.addAttribute("title", "Версия " + SiteVersions.shortVersion(version));
        return "site/version";
    }

    /** The decisions a form is offered for, with their API paths. */
    static final Map<String, String> DECISIONS = new java.util.LinkedHashMap<>();

    static {
        DECISIONS.put("action-matrix", "Матрица составов действий (3.1.4)");
        DECISIONS.put("action-matrix/check", "Проверка предложенной матрицы");
        DECISIONS.put("deadline", "Срок шага процедуры");
        DECISIONS.put("period", "Срок по ГК РФ (ст. 190–194)");
        DECISIONS.put("timeline", "Шаги процедуры по услуге");
        DECISIONS.put("commission-meeting", "Заседание комиссии (ПП РК № 845)");
        DECISIONS.put("completeness", "Комплектность документов");
        DECISIONS.put("plan-status", "План Смоленской области");
    }

    @GetMapping("/site/try")
    public String tryIndex(Model model) {
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("title", "Попробовать");
        return "site/try-index";
    }

    @GetMapping("/site/try/{*decision}")
    public String tryDecision(@PathVariable String decision, Model model) {
        String name = decision.replaceFirst("^/", "");
        String label = DECISIONS.get(name);
        if (label == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no form for decision " + name);
        }
        model.addAttribute("decision", name);
        model.addAttribute("label", label);
        model.addAttribute("decisions", DECISIONS);
        model.addAttribute("title", "Попробовать: " + label);
        model.addAttribute("example", TryExamples.of(name));
        model.addAttribute("intro", tryForms.intro(name));
        model.addAttribute("fields", tryForms.form(name));
        return "site/try-form";
    }

    @GetMapping("/site/audit")
    public String audit(@RequestParam(name = "decision", required = false) String decisionId, Model model) {
        model.addAttribute("decisionId", decisionId);
        model.addAttribute("title", "Аудитор: квитанция и повтор решения");
        return "site/audit";
    }

    private static <T> T found(Optional<T> value, String what) {
        return value.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "нет " + what));
    }

    List<LegalSite.ActView> acts() {
        return site().acts();
    }
}
