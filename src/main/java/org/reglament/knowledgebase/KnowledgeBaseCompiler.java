package org.reglament.knowledgebase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.reglament.calendar.CalendarData;
import org.reglament.calendar.ProductionCalendar;

/**
 * Compiles {@link RuleSources} into a {@link KnowledgeBase} with the executable model, without
 * kmodule.xml (files are written to a KieFileSystem). Refuses a knowledge base whose rules cannot be
 * cited: a rule without citation metadata, metadata that is not a plain string literal, a citation of an
 * unknown act or edition, a DRL whose package does not match its folder, editions of one act that overlap, or a
 * clause index that does not fit its text ({@link ActTexts}).
 * <p>
 * {@link #outline} does everything that reads the files and nothing that builds or runs them; {@link #compile}
 * outlines first, so a file the outline refuses never reaches the engine (whose metadata values are Java
 * expressions it evaluates while building).
 */
public final class KnowledgeBaseCompiler {
    static final String ACT_FILE = "act.yaml";
    static final String CALENDAR_FILE = "calendar.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public KnowledgeBase compile(RuleSources sources) {
        KnowledgeBaseOutline outline = outline(sources);
        // The packaged rules were compiled when the jar was built: the same sources, the same executable model, whose
        // rules were checked against the DRL texts then (PrecompiledRules.main). Rules compiled now are checked now.
        Optional<List<PrecompiledRules.PackageModel>> precompiled = PrecompiledRules.load(sources);
        List<PrecompiledRules.PackageModel> models = precompiled.orElseGet(() -> PrecompiledRules.models(
                ((InternalKieModule) executableModel(sources).getKieModule()).getBytes(),
                KnowledgeBaseCompiler.class.getClassLoader()));
        if (precompiled.isEmpty()) {
            checkEveryRuleIsDeclared(models, outline);
        }
        return knowledgeBase(outline, models);
    }

    /** The knowledge base of an outline and the executable model of its rules, one model per package. */
    static KnowledgeBase knowledgeBase(KnowledgeBaseOutline outline, List<PrecompiledRules.PackageModel> models) {
        Map<String, RuleCitation> byEngineName = new HashMap<>();
        outline.rules().forEach(rule -> byEngineName.put(RuleEngines.engineName(rule.packageName(), rule.rule()), rule));
        return new KnowledgeBase(outline, RuleEngines.of(models, RuleEngines.scopes(outline.acts(), outline.rules()),
                Map.copyOf(byEngineName)));
    }

    /**
     * Every rule of the executable model is one a DRL file's text declares (and so has a checked citation). The
     * model lists its rules itself: building a KieBase of all the rules only to list them took a good part of the
     * knowledge base's time at start (docs/benchmarks.md, "Ready in 4 s").
     */
    static void checkEveryRuleIsDeclared(List<PrecompiledRules.PackageModel> models, KnowledgeBaseOutline outline) {
        Set<String> described = new HashSet<>();
        outline.rules().forEach(rule -> described.add(rule.packageName() + "/" + rule.rule()));
        for (PrecompiledRules.PackageModel model : models) {
            for (org.drools.model.Rule rule : model.model().getRules()) {
                if (!described.contains(rule.getPackage() + "/" + rule.getName())) {
                    throw new KnowledgeBaseException("rule \"" + rule.getName() + "\" in " + rule.getPackage()
                            + " is built by the engine but not declared in any DRL file's text");
                }
            }
        }
    }

    /** The acts, texts, citations and calendars of {@code sources}, checked, without building or running a rule. */
    public KnowledgeBaseOutline outline(RuleSources sources) {
        Map<String, String> folders = new HashMap<>();
        Map<String, Act> acts = readActs(sources, folders);
        ActTexts texts = ActTexts.read(sources, acts.values(), folders);
        Map<String, ProductionCalendar> calendars = readCalendars(sources);
        List<RuleCitation> citations = new ArrayList<>();
        Map<String, DrlDescription> precompiled = PrecompiledRules.descriptions(sources);
        sources.files().forEach((path, content) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            DrlDescription known = precompiled.get(path);
            DrlDescription drl = known != null ? known : DrlDescription.read(path, new String(content, StandardCharsets.UTF_8));
            checkPackageMatchesFolder(path, drl.packageName());
            for (DrlDescription.DescribedRule rule : drl.rules()) {
                citations.add(checked(RuleCitation.fromMetadata(drl.packageName(), rule.name(), rule.metadata()), acts));
            }
        });
        return new KnowledgeBaseOutline(sources, acts, citations, calendars, texts);
    }

    private static RuleCitation checked(RuleCitation citation, Map<String, Act> acts) {
        Act act = acts.get(citation.actId());
        if (act == null) {
            throw new KnowledgeBaseException("rule \"" + citation.rule() + "\" cites act " + citation.actId()
                    + ", which no " + ACT_FILE + " describes");
        }
        Edition edition = act.edition(citation.edition());
        if (!edition.encoded()) {
            throw new KnowledgeBaseException("rule \"" + citation.rule() + "\" cites edition "
                    + citation.edition() + " of " + act.id() + ", which is marked as not encoded");
        }
        if (edition.sourceKk() != null && citation.quoteKk() == null) {
            throw new KnowledgeBaseException("rule \"" + citation.rule() + "\" of " + act.id()
                    + " has no @quoteKk: the act has an official Kazakh text, so each citation quotes both");
        }
        return citation;
    }

    /** The acts, and in {@code folders} the folder each one's act.yaml is in (its texts' paths are relative to it). */
    private Map<String, Act> readActs(RuleSources sources, Map<String, String> folders) {
        Map<String, Act> acts = new HashMap<>();
        sources.files().forEach((path, content) -> {
            if (path.endsWith("/" + ACT_FILE) || path.equals(ACT_FILE)) {
                try {
                    Act act = yaml.readValue(content, Act.class);
                    act.checkEditionsAreContiguous();
                    act.checkStepReadsAreSteps();
                    if (acts.put(act.id(), act) != null) {
                        throw new KnowledgeBaseException("two act files describe " + act.id());
                    }
                    folders.put(act.id(), path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "");
                } catch (IOException e) {
                    throw new KnowledgeBaseException("cannot read " + path + ": " + e.getMessage(), e);
                }
            }
        });
        return acts;
    }

    private Map<String, ProductionCalendar> readCalendars(RuleSources sources) {
        Map<String, ProductionCalendar> calendars = new HashMap<>();
        sources.files().forEach((path, content) -> {
            if (path.endsWith("/" + CALENDAR_FILE)) {
                try {
                    ProductionCalendar calendar = new ProductionCalendar(yaml.readValue(content, CalendarData.class));
                    if (calendars.put(calendar.country(), calendar) != null) {
                        throw new KnowledgeBaseException("two calendar files describe " + calendar.country());
                    }
                } catch (IOException | IllegalArgumentException e) {
                    throw new KnowledgeBaseException("cannot read " + path + ": " + e.getMessage(), e);
                }
            }
        });
        return calendars;
    }

    /** Generates and compiles the executable model of the sources' DRL files. */
    static KieBuilder executableModel(RuleSources sources) {
        KieServices kie = KieServices.get();
        KieFileSystem files = kie.newKieFileSystem();
        ReleaseId releaseId = kie.newReleaseId("org.reglament.knowledgebase",
                "kb-" + sources.version().substring("sha256:".length()), "1.0.0");
        files.generateAndWritePomXML(releaseId);
        sources.files().forEach((path, content) -> {
            if (path.endsWith(".drl")) {
                files.write("src/main/resources/" + path, content);
            }
        });
        KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new KnowledgeBaseException("the rules do not compile: " + errors.stream().limit(10)
                    .map(KnowledgeBaseCompiler::describe).collect(Collectors.joining("; "))
                    + (errors.size() > 10 ? "; and " + (errors.size() - 10) + " more" : ""));
        }
        return builder;
    }

    /** Where and what, on one line: the engine's message text can carry a parser's stack trace after its first line. */
    private static String describe(Message error) {
        String path = error.getPath() == null ? "" : error.getPath().replaceFirst("^src/main/resources/", "");
        String text = error.getText() == null ? "" : error.getText().strip().lines().findFirst().orElse("");
        return (path.isEmpty() ? "" : path + (error.getLine() > 0 ? ":" + error.getLine() : "") + ": ") + text;
    }

    private static void checkPackageMatchesFolder(String path, String declared) {
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (declared == null || !declared.replace('.', '/').equals(folder)) {
            throw new KnowledgeBaseException(path + ": the DRL package must match its folder ("
                    + folder.replace('/', '.') + ")");
        }
    }
}
