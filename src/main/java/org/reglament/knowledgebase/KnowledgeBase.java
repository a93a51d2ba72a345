package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.drools.base.base.ValueResolver;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.reglament.calendar.ProductionCalendar;

/**
 * A compiled, versioned knowledge base. Each evaluation runs in its own session with the act's
 * parameters and the caller's facts, and lets fire only the rules of the edition in force on the
 * date asked for: the date is data, never the wall clock.
 */
public final class KnowledgeBase {
    private final KnowledgeBaseOutline outline;
    private final RuleEngines engines;
    /** By act and rule name, as a decision names a rule: a rule's name (its clause) is unique within its act. */
    private final Map<String, Map<String, RuleCitation>> citationsByAct;
    /** What callers derive from this version alone, by kind: see {@link #prepared}. */
    private final Map<Class<?>, Object> prepared = new ConcurrentHashMap<>();
    /** By a decision's set of rule files left out: the engine names of their rules. */
    private final Map<Set<String>, Set<String>> rulesInFiles = new ConcurrentHashMap<>();
    /** By the acts of a decision and the rule files it leaves out: {@link #engine(List, Set)}. */
    private final Map<List<String>, Map<Set<String>, RuleEngines.Engine>> enginesAsked = new ConcurrentHashMap<>();

    KnowledgeBase(KnowledgeBaseOutline outline, RuleEngines engines) {
        this.outline = outline;
        this.engines = engines;
        Map<String, Map<String, RuleCitation>> byAct = new HashMap<>();
        for (RuleCitation rule : outline.rules()) {
            byAct.computeIfAbsent(rule.actId(), id -> new HashMap<>()).put(rule.rule(), rule);
        }
        this.citationsByAct = Map.copyOf(byAct);
    }

    public String version() {
        return outline.version();
    }

    public RuleSources sources() {
        return outline.sources();
    }

    /** The engine's own view, for this package's tests: its metadata must read as the citations do. */
    KieBase kieBase() {
        return engines.all();
    }

    /** The engine a decision about {@code actId} leaving out {@code filesLeftOut} runs on, for this package's tests. */
    RuleEngines.Engine engine(String actId, Set<String> filesLeftOut) {
        return engine(List.of(actId), filesLeftOut);
    }

    /**
     * The engine for the rules of {@code actIds} but those of {@code filesLeftOut}, found once per scope as decisions
     * ask for it: finding it by the engine names of the rules left out hashed some fifty names for every evaluation
     * (about 3 % of an action-matrix decision, docs/benchmarks.md).
     */
    private RuleEngines.Engine engine(List<String> actIds, Set<String> filesLeftOut) {
        Map<Set<String>, RuleEngines.Engine> byFiles = enginesAsked.get(actIds);
        RuleEngines.Engine engine = byFiles == null ? null : byFiles.get(filesLeftOut);
        if (engine == null) {
            engine = engines.forActs(actIds, rulesIn(filesLeftOut), this::ruleTexts);
            enginesAsked.computeIfAbsent(List.copyOf(actIds), ids -> new ConcurrentHashMap<>())
                    .putIfAbsent(Set.copyOf(filesLeftOut), engine);
        }
        return engine;
    }

    /**
     * Something a caller derives from this knowledge base alone and would otherwise derive for every answer (the
     * citations answers carry, {@code org.reglament.decision}): prepared once per version and kind, on first use, and
     * kept as long as the knowledge base. A version never changes, so neither does what is prepared from it.
     */
    public <T> T prepared(Class<T> kind, Function<KnowledgeBase, T> prepare) {
        Object known = prepared.get(kind);
        return kind.cast(known != null ? known : prepared.computeIfAbsent(kind, k -> prepare.apply(this)));
    }

    /** The acts, citations and calendars without the engine: what two versions are compared by. */
    public KnowledgeBaseOutline outline() {
        return outline;
    }

    public Act act(String id) {
        Act act = outline.actsById().get(id);
        if (act == null) {
            throw new IllegalArgumentException("the knowledge base " + version() + " encodes no act " + id);
        }
        return act;
    }

    public Collection<Act> acts() {
        return outline.acts();
    }

    /** The texts of the encoded editions, clause by clause, as these sources carry them. */
    public ActTexts texts() {
        return outline.texts();
    }

    /** The production calendar of a country ("RU", "KZ"). */
    public ProductionCalendar calendar(String country) {
        ProductionCalendar calendar = outline.calendarsByCountry().get(country);
        if (calendar == null) {
            throw new IllegalArgumentException("the knowledge base " + version() + " has no calendar of " + country);
        }
        return calendar;
    }

    public Collection<ProductionCalendar> calendars() {
        return outline.calendarsByCountry().values();
    }

    public Collection<RuleCitation> rules() {
        return outline.rules();
    }

    public boolean hasRule(String actId, String rule) {
        return citationsByAct.getOrDefault(actId, Map.of()).containsKey(rule);
    }

    public RuleCitation citation(String actId, String rule) {
        RuleCitation citation = citationsByAct.getOrDefault(actId, Map.of()).get(rule);
        if (citation == null) {
            throw new IllegalArgumentException("no rule named \"" + rule + "\" of act " + actId + " in " + version());
        }
        return citation;
    }

    /**
     * Runs the rules of {@code actId} in the edition in force on {@code asOf} over {@code facts}.
     *
     * @throws NoEditionInForceException when no encoded edition was in force on that date
     */
    public Evaluation evaluate(String actId, LocalDate asOf, Collection<?> facts) {
        return evaluate(List.of(actId), asOf, facts);
    }

    /**
     * The same without the rules of {@code filesLeftOut} (paths of rule files under the rules' root, such as
     * {@code ru/kamchatka_guidelines/2-3.6-deadlines.drl}): for a decision that never gives the facts their rules need,
     * so that its session carries none of their network. A path this version has no file for leaves nothing out.
     */
    public Evaluation evaluate(String actId, LocalDate asOf, Collection<?> facts, Set<String> filesLeftOut) {
        return evaluate(List.of(actId), asOf, facts, filesLeftOut);
    }

    /**
     * Runs the rules of several acts together (the first is the act the decision is about), each in the
     * edition in force on {@code asOf}.
     */
    public Evaluation evaluate(List<String> actIds, LocalDate asOf, Collection<?> facts) {
        return evaluate(actIds, asOf, facts, Set.of());
    }

    private Evaluation evaluate(List<String> actIds, LocalDate asOf, Collection<?> facts, Set<String> filesLeftOut) {
        List<Act> acts = actIds.stream().map(this::act).toList();
        Map<String, String> editions = new HashMap<>();
        for (Act taking : acts) {
            editions.put(taking.id(), taking.editionInForce(asOf).edition());
        }
        Act act = acts.get(0);
        Edition edition = act.edition(editions.get(act.id()));
        RuleEngines.Engine engine = engine(actIds, filesLeftOut);
        PreparedRules prepared = engine.prepared();
        PreparedRules.Plan plan = prepared == null ? null : prepared.plan(editions, asOf, facts);
        if (plan != null) {
            Run run = run(plan.engine(), acts, editions, asOf, facts);
            if (!run.derivedAny(prepared)) {
                PreparedRules.Merged merged = prepared.merge(plan, run.inForce.fired, run.facts, run.inForce.starts(),
                        run.inserted);
                return new Evaluation(act, edition, asOf, merged.facts(), List.copyOf(merged.fired()), acts, this);
            }
            // A rule derived a fact a prepared rule needs: it would have fired again, so the whole KieBase decides.
        }
        Run run = run(engine, acts, editions, asOf, facts);
        if (prepared != null) {
            prepared.learn(run.inForce.fired, run.facts, run.inForce.starts());
        }
        return new Evaluation(act, edition, asOf, run.facts, List.copyOf(run.inForce.fired), acts, this);
    }

    /** One run of the rules: the rules it let fire and where each firing's facts begin, and the facts in order. */
    private record Run(InForce inForce, List<Object> facts, int inserted) {
        /** Whether the rules derived a fact that one of {@code prepared}'s rules could match. */
        boolean derivedAny(PreparedRules prepared) {
            for (int i = inserted; i < facts.size(); i++) {
                if (prepared.isNeededByACandidate(facts.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    private Run run(RuleEngines.Engine engine, List<Act> acts, Map<String, String> editions, LocalDate asOf,
                    Collection<?> facts) {
        KieSession session = engine.newSession();
        try {
            // Where the rules derive only through Derivations.derive, the facts are listed as they are inserted and
            // derived, and a fact no rule matches stays out of the session; elsewhere they are listed from the session.
            Derivations derived = engine.collects() ? new Derivations(engine, (ValueResolver) session) : null;
            InForce inForce = new InForce(engine, editions, asOf, derived);
            int inserted;
            try {
                for (Act taking : acts) {
                    for (LegalParameter parameter : taking.parametersValidOn(asOf)) {
                        if (engine.reads(parameter)) {
                            insert(session, derived, parameter);
                        }
                    }
                }
                for (Object fact : facts) {
                    insert(session, derived, fact);
                }
                if (derived == null) {
                    inserted = 0;
                    session.fireAllRules(inForce);
                } else {
                    inserted = derived.listedCount();
                    derived.during(() -> session.fireAllRules(inForce));
                }
            } catch (RuntimeException e) {
                // A condition or consequence threw: a defect of the rules, not a refusal of the request.
                throw new RuleFailedException(inForce.firing(), e);
            }
            return new Run(inForce, derived == null ? inInsertionOrder(session) : listed(derived, session), inserted);
        } finally {
            session.dispose();
        }
    }

    /**
     * Lets fire only the rules of the editions in force on the date (and of their own dates), and lists the rules it let
     * fire, in firing order: the engine asks the filter about each match just before it fires it, so what it accepts is
     * what fires. It takes the place of an agenda listener, which cost about a fifth of an evaluation (the engine
     * creates an event for every match created, fired and cancelled once a listener is there: docs/benchmarks.md).
     */
    private static final class InForce implements AgendaFilter {
        private final RuleEngines.Engine engine;
        private final Map<String, String> editions;
        private final LocalDate asOf;
        /** Where the facts are listed, or null: then {@link #starts} are not kept. */
        private final Derivations derived;
        private final List<RuleCitation> fired = new ArrayList<>();
        /** For each rule fired, how many facts were listed before its consequence ran: where its own begin. */
        private int[] starts = new int[24];

        InForce(RuleEngines.Engine engine, Map<String, String> editions, LocalDate asOf, Derivations derived) {
            this.engine = engine;
            this.editions = editions;
            this.asOf = asOf;
            this.derived = derived;
        }

        @Override
        public boolean accept(Match match) {
            RuleCitation rule = engine.citation(match.getRule());
            boolean inForce = rule.edition().equals(editions.get(rule.actId())) && rule.appliesOn(asOf);
            if (inForce) {
                if (derived != null) {
                    if (fired.size() == starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[fired.size()] = derived.listedCount();
                }
                fired.add(rule);
            }
            return inForce;
        }

        /** Where each firing's facts begin among the facts listed (meaningful only where they are listed). */
        int[] starts() {
            return starts;
        }

        /** The rule firing (or last fired) when a condition or consequence threw, or null. */
        String firing() {
            return fired.isEmpty() ? null : fired.get(fired.size() - 1).rule();
        }
    }

    /** The engine names of the rules in {@code files}, once per set of files. */
    private Set<String> rulesIn(Set<String> files) {
        if (files.isEmpty()) {
            return Set.of();
        }
        Set<String> known = rulesInFiles.get(files);
        return known != null ? known : rulesInFiles.computeIfAbsent(Set.copyOf(files), outline::ruleNamesIn);
    }

    /** The DRL text of each rule of {@code engineNames}. */
    private Map<String, String> ruleTexts(Set<String> engineNames) {
        Map<String, String> texts = new HashMap<>(outline.ruleSources());
        texts.keySet().retainAll(engineNames);
        return texts;
    }

    private static void insert(KieSession session, Derivations derived, Object fact) {
        session.insert(fact);
        if (derived != null) {
            derived.inserted(fact);
        }
    }

    /** The facts as listed while they were inserted and derived; every one inserted must be in the session. */
    private static List<Object> listed(Derivations derived, KieSession session) {
        if (session.getFactCount() != derived.insertedCount()) {
            throw new IllegalStateException("the session holds " + session.getFactCount() + " facts, but "
                    + derived.insertedCount() + " were inserted through the evaluation and its rules' derive");
        }
        return derived.facts();
    }

    /**
     * The session's facts in the order they were inserted: the caller's, then the rules' in firing order. The
     * engine's own collection of a class's facts is ordered by identity hash, which differs from one run to the next,
     * and an answer that lists several facts of one class (the defects of a completeness check) must not.
     */
    private static List<Object> inInsertionOrder(KieSession session) {
        List<FactHandle> handles = new ArrayList<>(session.getFactHandles());
        handles.sort(Comparator.comparingLong(FactHandle::getId));
        List<Object> facts = new ArrayList<>(handles.size());
        for (FactHandle handle : handles) {
            facts.add(handle.getObject());
        }
        return Collections.unmodifiableList(facts);
    }
}
