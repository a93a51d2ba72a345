package org.reglament.knowledgebase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.base.ValueResolver;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.ObjectSink;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The compiled rules as the engine runs them. A decision evaluates the rules of one act, or of an act and its period
 * rules; each such scope has a KieBase of its own holding only the packages with rules of those acts, so a session
 * carries no network of the other acts (a session over all 112 rules was about a quarter slower than one over the 43
 * of the Kamchatka guidelines: docs/benchmarks.md, "Provenance for free"); it is made from the executable model's
 * classes of those packages. A scope no act declares runs on the KieBase of all the rules; the agenda filter of {@link KnowledgeBase#evaluate} keeps out the rules of other acts either way,
 * so the scope changes what the engine walks, never what fires.
 * <p>
 * A decision may also leave out rule files of its act whose rules need facts it never gives (the action matrix leaves out
 * the deadlines', the plans' and the documents' rules: {@code ActionMatrixDecisions}); its KieBase then holds the act's
 * other rules only. A session over the 30 rules an action matrix can fire was a third faster than one over the
 * guidelines' 82 (docs/benchmarks.md): each fact went through the networks of rules it could never complete, and each
 * reset cleared them. Each KieBase also knows which of the acts' parameters its rules can match: only those are
 * inserted, and which classes of facts its rules' patterns name: where every rule of the KieBase derives through
 * {@link Derivations#derive}, a derived fact of any other class is listed without being inserted.
 * <p>
 * Sessions come from a pool per KieBase and are reset when disposed (the engine's own {@code KieSessionsPool}): about a
 * fifth faster than a new session per evaluation. Each KieBase is built when a decision first needs it.
 * <p>
 * Tried and left out: the alpha network compiled to Java ({@code AlphaNetworkCompilerOption.INMEMORY}, module
 * drools-alphanetwork-compiler) made no measurable difference (0.51 and 0.52 of Drools DMN in one run). Tried and left
 * out, because it changed what the rules derive: an immutable KieBase ({@code KieBaseMutabilityOption.DISABLED}: facts
 * inserted by consequences went missing from the session). Sessions that are not thread-safe
 * ({@code ThreadSafeOption.NO}, a tenth faster on one thread): with decisions on several threads at once, consequences
 * of different sessions failed or derived a cell twice ({@code DecisionsOnManyThreadsTest}), though each session
 * served one evaluation at a time.
 */
final class RuleEngines {
    private static final Set<String> ALL = Set.of();
    private static final int POOLED_SESSIONS = 2;

    /** The executable model, one per package, each instantiated when a KieBase of its package is first built. */
    private final List<PrecompiledRules.PackageModel> models;
    /** The packages of each scope (a set of act ids) that has rules. */
    private final Map<Set<String>, Set<String>> scopes;
    /** By package and rule name, as the engine knows a rule. */
    private final Map<String, RuleCitation> citations;
    private final Map<Key, Engine> engines = new ConcurrentHashMap<>();

    /**
     * The acts of a scope, the engine names of the rules a decision leaves out, and whether its engine prepares the rules
     * that need only a fact to be there ({@link PreparedRules}); the engine it runs them without does not.
     */
    private record Key(Set<String> acts, Set<String> leftOut, boolean prepares) {
    }

    private RuleEngines(List<PrecompiledRules.PackageModel> models, Map<Set<String>, Set<String>> scopes,
                        Map<String, RuleCitation> citations) {
        this.models = List.copyOf(models);
        this.scopes = Map.copyOf(scopes);
        this.citations = citations;
    }

    /**
     * The packages of each act's rules, and of each act's with its period rules ({@code periodRules} in act.yaml):
     * the scopes {@link KnowledgeBase#evaluate} is asked for.
     */
    static Map<Set<String>, Set<String>> scopes(Collection<Act> acts, Collection<RuleCitation> rules) {
        Map<Set<String>, Set<String>> scopes = new LinkedHashMap<>();
        for (Act act : acts) {
            scope(scopes, Set.of(act.id()), rules);
            if (act.periodRules() != null && !act.periodRules().equals(act.id())) {
                scope(scopes, Set.of(act.id(), act.periodRules()), rules);
            }
        }
        return scopes;
    }

    private static void scope(Map<Set<String>, Set<String>> scopes, Set<String> scope, Collection<RuleCitation> rules) {
        Set<String> packages = new TreeSet<>();
        rules.stream().filter(rule -> scope.contains(rule.actId())).forEach(rule -> packages.add(rule.packageName()));
        // A scope without rules runs on the KieBase of all the rules (where no rule of it can fire either).
        if (!packages.isEmpty()) {
            scopes.put(scope, packages);
        }
    }

    static RuleEngines of(List<PrecompiledRules.PackageModel> models, Map<Set<String>, Set<String>> scopes,
                          Map<String, RuleCitation> citations) {
        return new RuleEngines(models, scopes, citations);
    }

    /** All the rules in one KieBase: what the compiler checks against the DRL texts. */
    KieBase all() {
        return engine(new Key(ALL, Set.of(), false), null).kieBase;
    }

    /**
     * The engine for the rules of {@code actIds} but those {@code leftOut} (engine names, {@link #engineName}), with
     * {@code ruleTexts} the DRL text of each rule by engine name (read when the engine is first built).
     */
    Engine forActs(Collection<String> actIds, Set<String> leftOut, Function<Set<String>, Map<String, String>> ruleTexts) {
        Set<String> scope = actIds instanceof Set<String> set ? set : Set.copyOf(actIds);
        return engine(new Key(scopes.containsKey(scope) ? scope : ALL, leftOut, true), ruleTexts);
    }

    private Engine engine(Key key, Function<Set<String>, Map<String, String>> ruleTexts) {
        Engine engine = engines.get(key);
        return engine != null ? engine : engines.computeIfAbsent(key, k -> newEngine(k, ruleTexts));
    }

    private Engine newEngine(Key key, Function<Set<String>, Map<String, String>> ruleTexts) {
        Set<String> packages = scopes.get(key.acts());
        List<Model> inScope = new ArrayList<>();
        Set<String> built = new HashSet<>();
        for (PrecompiledRules.PackageModel packageModel : models) {
            if (packages != null && !packages.contains(packageModel.packageName())) {
                continue;
            }
            Model model = packageModel.model();
            List<org.drools.model.Rule> kept = model.getRules().stream()
                    .filter(rule -> !key.leftOut().contains(engineName(model.getPackageName(), rule.getName())))
                    .toList();
            kept.forEach(rule -> built.add(engineName(model.getPackageName(), rule.getName())));
            inScope.add(kept.size() == model.getRules().size() ? model : new SomeRulesOf(model, kept));
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(inScope, KieServices.get().newKieBaseConfiguration());
        if (ruleTexts == null) {
            return new Engine(kieBase, null, false);
        }
        Map<String, String> textsByName = ruleTexts.apply(built);
        Collection<String> texts = textsByName.values();
        Engine engine = new Engine(kieBase, ParametersRead.of(texts), Derived.only(texts));
        if (key.prepares() && engine.collects()) {
            // The same scope without the rules prepared so far: built when the first of them is prepared.
            engine.prepared = PreparedRules.of(engine, kieBase, inScope, textsByName, prepared -> {
                Set<String> leftOut = new HashSet<>(key.leftOut());
                leftOut.addAll(prepared);
                return engine(new Key(key.acts(), Set.copyOf(leftOut), false), ruleTexts);
            });
        }
        return engine;
    }

    /** A package's model with some of its rules: what a KieBase of a decision's rules is built from. */
    private record SomeRulesOf(Model model, List<org.drools.model.Rule> rules) implements Model {
        @Override
        public String getName() {
            return model.getName();
        }

        @Override
        public String getPackageName() {
            return model.getPackageName();
        }

        @Override
        public List<Global> getGlobals() {
            return model.getGlobals();
        }

        @Override
        public List<org.drools.model.Rule> getRules() {
            return rules;
        }

        @Override
        public List<Query> getQueries() {
            return model.getQueries();
        }

        @Override
        public List<TypeMetaData> getTypeMetaDatas() {
            return model.getTypeMetaDatas();
        }

        @Override
        public List<EntryPoint> getEntryPoints() {
            return model.getEntryPoints();
        }
    }

    /**
     * The names of the parameters the rules of a KieBase can match, read from their DRL text: a parameter is matched by
     * name, {@code LegalParameter(name == "requestFormationThreshold", …)}, and one no rule names can complete no rule,
     * so it need not be inserted. Any other mention of {@code LegalParameter}, a pattern that would match any object,
     * or a consequence that reads the session's facts makes every parameter matched (null): the reading errs on the
     * side of inserting.
     */
    static final class ParametersRead {
        private static final Pattern MENTION = Pattern.compile("LegalParameter");
        private static final Pattern BY_NAME = Pattern.compile("LegalParameter\\s*\\(\\s*name\\s*==\\s*\"([^\"\\\\]*)\"\\s*[,)]");
        private static final Pattern ANY_FACT = Pattern.compile(
                "\\b(Object|Record)\\s*\\(|getKieRuntime|getObjects|getFactHandles|getEntryPoint|getWorkingMemory|kcontext");

        private ParametersRead() {
        }

        /** The names, or null for every parameter. */
        static Set<String> of(Collection<String> ruleTexts) {
            Set<String> names = new HashSet<>();
            for (String text : ruleTexts) {
                if (ANY_FACT.matcher(text).find()) {
                    return null;
                }
                Matcher mention = MENTION.matcher(text);
                while (mention.find()) {
                    Matcher byName = BY_NAME.matcher(text).region(mention.start(), text.length());
                    if (!byName.lookingAt()) {
                        return null;
                    }
                    names.add(byName.group(1));
                }
            }
            return Set.copyOf(names);
        }
    }

    /**
     * Whether every fact the rules of a KieBase derive goes through {@link Derivations#derive}, read from their DRL
     * text: then an evaluation lists the facts as they are inserted and derived, and need not insert a fact no rule
     * matches. A consequence that inserts otherwise ({@code insert}, {@code insertLogical}, or through the session)
     * means the facts are listed from the session, and every derived fact is inserted.
     */
    static final class Derived {
        private static final Pattern OTHERWISE = Pattern.compile(
                "\\b(insert|insertLogical|insertAsync)\\s*\\(|getKieRuntime|getEntryPoint|getWorkingMemory|kcontext");

        private Derived() {
        }

        static boolean only(Collection<String> ruleTexts) {
            return ruleTexts.stream().noneMatch(text -> OTHERWISE.matcher(text).find());
        }
    }

    /** One KieBase, its pool of sessions, and its rules' citations by the engine's own rule objects. */
    final class Engine {
        private final KieBase kieBase;
        private final KieSessionsPool sessions;
        private final Map<Rule, RuleCitation> byRule = new IdentityHashMap<>();
        /** The parameters this KieBase's rules can match, by name; null: all of them. */
        private final Set<String> parametersRead;
        /** Whether its rules derive only through {@link Derivations#derive}: {@link Derived}. */
        private final boolean collects;
        /** Its rules that need only a fact to be there, prepared once: null where there are none. */
        private PreparedRules prepared;
        /**
         * By class of fact, the alpha constraints on the way from each object type node of its class to a join or a rule
         * ({@link #reaches}); none where no pattern of its rules names the class.
         */
        private final ClassValue<AlphaPath[]> paths = new ClassValue<>() {
            @Override
            protected AlphaPath[] computeValue(Class<?> type) {
                List<AlphaPath> paths = new ArrayList<>();
                for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
                    if (node.getObjectType().isAssignableFrom(type)) {
                        paths.addAll(List.of(AlphaPath.from(node.getObjectSinkPropagator().getSinks())));
                    }
                }
                return paths.toArray(AlphaPath[]::new);
            }
        };

        private Engine(KieBase kieBase, Set<String> parametersRead, boolean collects) {
            this.kieBase = kieBase;
            this.parametersRead = parametersRead;
            this.collects = collects;
            this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                for (Rule rule : kiePackage.getRules()) {
                    byRule.put(rule, citations.get(engineName(kiePackage.getName(), rule.getName())));
                }
            }
        }

        /** Whether a rule of this KieBase can match {@code parameter}: if not, it need not be inserted. */
        boolean reads(LegalParameter parameter) {
            return parametersRead == null || parametersRead.contains(parameter.name());
        }

        /** Whether its evaluations list what is inserted and derived, and leave out of the session what no rule matches. */
        boolean collects() {
            return collects;
        }

        /**
         * Whether {@code fact}, inserted, would reach a join or a rule of this KieBase: it passes every alpha constraint on
         * some path from an object type node of its class (the constraints evaluated on the fact, with {@code session}
         * for what they resolve). If not, inserting it would propagate it nowhere: it need not be inserted.
         */
        boolean reaches(Object fact, ValueResolver session) {
            AlphaPath[] from = paths.get(fact.getClass());
            return from.length > 0 && AlphaPath.reach(from, new DefaultFactHandle(0, fact), session);
        }

        KieBase kieBase() {
            return kieBase;
        }

        /** Its rules prepared once ({@link PreparedRules}), or null. */
        PreparedRules prepared() {
            return prepared;
        }

        /**
         * Whether {@code fact}, inserted, would reach a rule: it passes the alpha constraints on some path from an object
         * type node of its class to a join or a rule. The constraints are evaluated on the fact itself, in a session of
         * this KieBase that nothing is inserted into.
         */
        boolean reachesARule(Object fact) {
            KieSession session = kieBase.newKieSession();
            try {
                return reaches(fact, (ValueResolver) session);
            } finally {
                session.dispose();
            }
        }

        /** A session of the pool: disposing it resets it and gives it back. */
        KieSession newSession() {
            return sessions.newKieSession();
        }

        /** The citation of a rule the engine matched or fired. */
        RuleCitation citation(Rule rule) {
            RuleCitation citation = byRule.get(rule);
            return citation != null ? citation : citations.get(engineName(rule.getPackageName(), rule.getName()));
        }
    }

    /**
     * An alpha constraint of the network and what follows it; {@link #REACHED} where a join, a rule or any other node
     * than an alpha constraint follows: a fact that gets there takes part in a rule.
     */
    private record AlphaPath(AlphaNodeFieldConstraint constraint, AlphaPath[] next) {
        static final AlphaPath REACHED = new AlphaPath(null, new AlphaPath[0]);

        static AlphaPath[] from(ObjectSink[] sinks) {
            AlphaPath[] paths = new AlphaPath[sinks.length];
            for (int i = 0; i < sinks.length; i++) {
                paths[i] = sinks[i] instanceof AlphaNode alpha
                        ? new AlphaPath(alpha.getConstraint(), from(alpha.getObjectSinkPropagator().getSinks()))
                        : REACHED;
            }
            return paths;
        }

        static boolean reach(AlphaPath[] paths, DefaultFactHandle handle, ValueResolver session) {
            for (AlphaPath path : paths) {
                if (path.constraint == null
                        || path.constraint.isAllowed(handle, session) && reach(path.next, handle, session)) {
                    return true;
                }
            }
            return false;
        }
    }

    static String engineName(String packageName, String rule) {
        return packageName + "/" + rule;
    }
}
