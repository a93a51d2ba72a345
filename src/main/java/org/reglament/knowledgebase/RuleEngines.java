package org.reglament.knowledgebase;

import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.drools.model.Model;
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
 * Sessions come from a pool per KieBase and are reset when disposed (the engine's own {@code KieSessionsPool}): about a
 * fifth faster than a new session per evaluation. Each KieBase is built when a decision first needs it.
 * <p>
 * Tried and left out: the alpha network compiled to Java ({@code AlphaNetworkCompilerOption.INMEMORY}, module
 * drools-alphanetwork-compiler) made no measurable difference (0.51 and 0.52 of Drools DMN in one run). Tried and left
 * out, because they changed what the rules derive: an immutable KieBase
 * ({@code KieBaseMutabilityOption.DISABLED}: facts inserted by consequences went missing from the session) and
 * sessions that are not thread-safe ({@code ThreadSafeOption.NO}: the executable model's consequences failed).
 */
final class RuleEngines {
    private static final Set<String> ALL = Set.of();
    private static final int POOLED_SESSIONS = 2;

    /** The executable model, one {@link Model} per package. */
    private final List<Model> models;
    /** The packages of each scope (a set of act ids) that has rules. */
    private final Map<Set<String>, Set<String>> scopes;
    /** By package and rule name, as the engine knows a rule. */
    private final Map<String, RuleCitation> citations;
    private final Map<Set<String>, Engine> engines = new ConcurrentHashMap<>();

    private RuleEngines(List<Model> models, Map<Set<String>, Set<String>> scopes, Map<String, RuleCitation> citations) {
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

    static RuleEngines of(List<Model> models, Map<Set<String>, Set<String>> scopes, Map<String, RuleCitation> citations) {
        return new RuleEngines(models, scopes, citations);
    }

    /** All the rules in one KieBase: what the compiler checks against the DRL texts. */
    KieBase all() {
        return engine(ALL).kieBase;
    }

    /** The engine for the rules of {@code actIds}. */
    Engine forActs(Collection<String> actIds) {
        Set<String> scope = actIds instanceof Set<String> set ? set : Set.copyOf(actIds);
        return engine(scopes.containsKey(scope) ? scope : ALL);
    }

    private Engine engine(Set<String> scope) {
        Engine engine = engines.get(scope);
        return engine != null ? engine : engines.computeIfAbsent(scope, this::newEngine);
    }

    private Engine newEngine(Set<String> scope) {
        Set<String> packages = scopes.get(scope);
        List<Model> inScope = packages == null ? models
                : models.stream().filter(model -> packages.contains(model.getPackageName())).toList();
        return new Engine(KieBaseBuilder.createKieBaseFromModel(inScope, KieServices.get().newKieBaseConfiguration()));
    }

    /** One KieBase, its pool of sessions, and its rules' citations by the engine's own rule objects. */
    final class Engine {
        private final KieBase kieBase;
        private final KieSessionsPool sessions;
        private final Map<Rule, RuleCitation> byRule = new IdentityHashMap<>();

        private Engine(KieBase kieBase) {
            this.kieBase = kieBase;
            this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                for (Rule rule : kiePackage.getRules()) {
                    byRule.put(rule, citations.get(engineName(kiePackage.getName(), rule.getName())));
                }
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

    static String engineName(String packageName, String rule) {
        return packageName + "/" + rule;
    }
}
