package org.reglament.knowledgebase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.drools.core.common.BaseNode;
import org.drools.core.common.DefaultFactHandle;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.AbstractTerminalNode;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.TerminalNode;
import org.drools.model.Condition;
import org.drools.model.Model;
import org.drools.model.patterns.CompositePatterns;
import org.drools.model.patterns.ExistentialPatternImpl;
import org.drools.model.patterns.PatternImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The rules of a decision's KieBase whose only condition is one pattern that binds nothing ({@code PublicService()},
 * {@code PublicService(feeOrPayment)}, {@code exists (PublicService() or DeadlineQuestion() …)}), with a consequence
 * that reads nothing of the fact: what they derive depends on the knowledge base's version alone, and whether they
 * fire on the editions in force on the date (the agenda filter of {@link KnowledgeBase#evaluate}) and on whether a
 * fact given passes the pattern's alpha constraints (tested on it with the network's own constraint objects). In an
 * action matrix they are about two thirds of the firings (3.1.4.1, 3.1.4.2 where no MFC reading is needed, 3.1.4.5,
 * 3.1.4.8, 3.1.4.9, 3.1.1–3.1.3, 3.1–3.4, 3.5 para. 2, section 3 para. 5 item 6, the legal force of section 1 and 3:
 * docs/benchmarks.md, "Provenance for free"). Their outputs are prepared once per version, from the first evaluation
 * in which each fires, and merged into each later evaluation of the same scope, which runs on a KieBase without them.
 * This is not an answer looked up by its facts: every evaluation still tests every rule's condition on the request
 * and runs every rule that reads a fact's values; only what no fact can change is prepared.
 * <p>
 * A rule is prepared only if nothing can tell the difference:
 * <ul>
 * <li>no rule of the KieBase reads what it derives: each fact it derived is walked through the KieBase's network
 * (its class's object type nodes and their alpha constraints, evaluated on the fact) and must reach no join and no
 * rule (the cells of 3.1.4.1, 3.1.4.8 and 3.1.4.9 reach none in {@code derive}'s KieBase, where only action 3's cell
 * is read; in the check's, where every cell is compared with the proposal, they do, and those rules still run);</li>
 * <li>it fires where it would have: every rule of the KieBase has the same salience and agenda group and no timer,
 * activation group, rule-flow group, auto-focus or dates of its own, so the engine fires the rules it can in the
 * order they were loaded ({@code RuleAgendaConflictResolver}: salience, then the lowest load order first). A prepared
 * rule's match is there from the first firing on (the fact it needs is the caller's, and no rule derives a fact of its
 * class: an evaluation where one does is run again on the whole KieBase), so it fires just before the first rule
 * loaded after it that fires, or at the end; its facts go where it fires. The rules applied and the facts are in the
 * same order as on the whole KieBase: {@code ActionMatrixRuleScopeTest} compares them on every combination of facts,
 * readings and dates, {@code PreparedRulesTest} each prepared rule's facts with its own firing for every date;</li>
 * <li>it fires once: where a rule's single pattern could match two of the facts given, the evaluation runs on the
 * whole KieBase;</li>
 * <li>no consequence of the KieBase changes or removes a fact ({@code modify}, {@code update}, {@code delete}): a
 * match there from the start stays until it fires.</li>
 * </ul>
 */
final class PreparedRules {
    /** A consequence that could read the fact or the session through its match: never prepared. */
    private static final Pattern READS_ITS_MATCH = Pattern.compile(
            "getMatch|getTuple|getObjects|getFactHandle|getKieRuntime|getEntryPoint|getWorkingMemory|kcontext|\\$");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\s*$");
    /**
     * A consequence that changes or removes a fact: a prepared rule's match could then appear or go away in the middle of
     * the firings, so a KieBase with one prepares nothing.
     */
    private static final Pattern CHANGES_A_FACT = Pattern.compile("\\b(modify|update|delete|retract)\\s*\\(");

    /** A rule of the whole KieBase whose only condition is one pattern that binds nothing (or an {@code exists} of such). */
    static final class Candidate {
        final RuleCitation citation;
        final String engineName;
        final int loadOrder;
        /** The classes its condition names: one for a pattern, several for an {@code exists (… or …)}. */
        final List<Class<?>> needs;
        /**
         * A pattern's alpha constraints, as the network evaluates them from its class's object type node to the rule
         * (none for an {@code exists}): a fact of its class that passes them all matches it.
         */
        final AlphaNodeFieldConstraint[] constraints;
        /** Whether it fires once whatever the number of such facts ({@code exists}), or once per fact (a pattern). */
        final boolean once;
        /** Its place among the candidates, by load order: its bit in {@link #needing}. */
        int index;
        /** What it derived the first time it fired, or null before; {@link #preparable} says whether it is used. */
        volatile List<Object> derived;
        volatile boolean preparable;

        Candidate(RuleCitation citation, String engineName, int loadOrder, List<Class<?>> needs,
                  AlphaNodeFieldConstraint[] constraints, boolean once) {
            this.citation = citation;
            this.engineName = engineName;
            this.loadOrder = loadOrder;
            this.needs = needs;
            this.constraints = constraints;
            this.once = once;
        }

        /**
         * How many of {@code facts} it matches (counting stops at 2), {@code classBits} saying for each whether its class
         * is one it needs; an {@code exists} is matched once at most.
         */
        int matches(Object[] facts, long[] classBits, ValueResolver probe) {
            long bit = 1L << index;
            int count = 0;
            for (int i = 0; i < facts.length; i++) {
                if ((classBits[i] & bit) != 0 && passes(facts[i], probe) && ++count == 2) {
                    break;
                }
            }
            return once ? Math.min(count, 1) : count;
        }

        private boolean passes(Object fact, ValueResolver probe) {
            if (constraints.length == 0) {
                return true;
            }
            DefaultFactHandle handle = new DefaultFactHandle(0, fact);
            for (AlphaNodeFieldConstraint constraint : constraints) {
                if (!constraint.isAllowed(handle, probe)) {
                    return false;
                }
            }
            return true;
        }

        boolean inForce(Map<String, String> editions, LocalDate asOf) {
            return citation.edition().equals(editions.get(citation.actId())) && citation.appliesOn(asOf);
        }

    }

    /**
     * What one evaluation runs on and merges: the KieBase without the prepared rules, and the prepared rules in force
     * that fire on its facts, by load order.
     */
    record Plan(RuleEngines.Engine engine, List<Candidate> firing) {
    }

    private final RuleEngines.Engine whole;
    private final List<Candidate> candidates;
    private final IdentityHashMap<RuleCitation, Integer> loadOrder;
    /** The KieBase without the rules prepared so far, by their engine names. */
    private final Function<Set<String>, RuleEngines.Engine> without;
    private volatile Without current;
    private volatile InForceOn lastInForce;
    /**
     * A session of the whole KieBase that nothing is inserted into: what the candidates' alpha constraints resolve
     * against when a request's facts are tested.
     */
    private final ValueResolver probe;
    /**
     * By class of fact, the candidates a fact of it could match, one bit each: asked for every fact of every evaluation,
     * where {@code Class.isInstance} against each candidate's classes took about 8 % of a decision.
     */
    private final ClassValue<Long> needing = new ClassValue<>() {
        @Override
        protected Long computeValue(Class<?> type) {
            long bits = 0;
            for (Candidate candidate : candidates) {
                for (Class<?> needed : candidate.needs) {
                    if (needed.isAssignableFrom(type)) {
                        bits |= 1L << candidate.index;
                    }
                }
            }
            return bits;
        }
    };

    /** The KieBase without some of the candidates, and which (one bit each). */
    private record Without(RuleEngines.Engine engine, long leftOut) {
    }

    private PreparedRules(RuleEngines.Engine whole, List<Candidate> candidates,
                          IdentityHashMap<RuleCitation, Integer> loadOrder,
                          Function<Set<String>, RuleEngines.Engine> without) {
        this.whole = whole;
        this.candidates = candidates;
        this.loadOrder = loadOrder;
        this.without = without;
        this.probe = (ValueResolver) whole.kieBase().newKieSession();
    }

    /**
     * The rules of {@code whole} that can be prepared, or null where none can or the firing order could not be kept
     * (a salience, agenda group or any other attribute that orders or delays firings).
     *
     * @param models     the models {@code whole} was built from
     * @param ruleTexts  each rule's DRL text by engine name
     * @param without    the KieBase of the same scope without some more rules, by their engine names
     */
    static PreparedRules of(RuleEngines.Engine whole, KieBase kieBase, List<Model> models, Map<String, String> ruleTexts,
                            Function<Set<String>, RuleEngines.Engine> without) {
        if (ruleTexts.values().stream().anyMatch(text -> CHANGES_A_FACT.matcher(consequence(text)).find())) {
            return null;
        }
        IdentityHashMap<RuleCitation, Integer> loadOrder = new IdentityHashMap<>();
        Map<String, Integer> loadOrderByName = new HashMap<>();
        Map<String, TerminalNode[]> terminals = new HashMap<>();
        for (TerminalNode[] nodes : ((InternalRuleBase) kieBase).getReteooBuilder().getTerminalNodes().values()) {
            if (nodes.length > 0 && nodes[0] instanceof AbstractTerminalNode terminal) {
                terminals.put(RuleEngines.engineName(terminal.getRule().getPackageName(), terminal.getRule().getName()),
                        nodes);
            }
        }
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                if (!firesInLoadOrder(impl)) {
                    return null;
                }
                RuleCitation citation = whole.citation(rule);
                if (citation == null) {
                    return null;
                }
                loadOrder.put(citation, impl.getLoadOrder());
                loadOrderByName.put(RuleEngines.engineName(kiePackage.getName(), rule.getName()), impl.getLoadOrder());
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Model model : models) {
            if (!model.getGlobals().isEmpty()) {
                continue;
            }
            for (org.drools.model.Rule rule : model.getRules()) {
                String name = RuleEngines.engineName(model.getPackageName(), rule.getName());
                String text = ruleTexts.get(name);
                List<Class<?>> needs = onlyCondition(rule.getView());
                if (needs == null || text == null || READS_ITS_MATCH.matcher(consequence(text)).find()
                        || rule.getDefaultConsequence() == null || rule.getDefaultConsequence().getDeclarations().length > 0
                        || rule.getConsequences().size() != 1 || needs.contains(LegalParameter.class)
                        || !loadOrderByName.containsKey(name)) {
                    continue;
                }
                RuleCitation citation = null;
                for (Map.Entry<RuleCitation, Integer> entry : loadOrder.entrySet()) {
                    if (entry.getKey().packageName().equals(model.getPackageName())
                            && entry.getKey().rule().equals(rule.getName())) {
                        citation = entry.getKey();
                    }
                }
                boolean once = !(unwrap(rule.getView()) instanceof PatternImpl<?>);
                AlphaNodeFieldConstraint[] constraints = once ? new AlphaNodeFieldConstraint[0]
                        : alphaConstraints(terminals.get(name), needs.get(0));
                if (constraints == null) {
                    continue;
                }
                candidates.add(new Candidate(citation, name, loadOrderByName.get(name), needs, constraints, once));
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort(Comparator.comparingInt(candidate -> candidate.loadOrder));
        // One bit each in a long (needing); a KieBase with more such rules prepares the first 64.
        if (candidates.size() > Long.SIZE) {
            candidates.subList(Long.SIZE, candidates.size()).clear();
        }
        for (int i = 0; i < candidates.size(); i++) {
            candidates.get(i).index = i;
        }
        return new PreparedRules(whole, List.copyOf(candidates), loadOrder, without);
    }

    /** The rules it considers, by load order: for this package's tests. */
    List<Candidate> candidates() {
        return candidates;
    }

    /**
     * What to run {@code facts} on, on the editions in force on {@code asOf}; null: the whole KieBase (a rule in force
     * not prepared yet, whose firing there prepares it, or one that would fire more than once).
     */
    Plan plan(Map<String, String> editions, LocalDate asOf, Collection<?> facts) {
        // Which candidates each fact's class could match, and which are in force on the date.
        Object[] given = facts.toArray();
        long[] classBits = new long[given.length];
        long matched = 0;
        for (int i = 0; i < given.length; i++) {
            classBits[i] = needing.get(given[i].getClass());
            matched |= classBits[i];
        }
        // The KieBase first, then what is known of each candidate: one found read by a rule after that KieBase was built
        // is still left out of it, and the whole KieBase decides.
        Without without = current;
        if (without == null) {
            return null;
        }
        long inForce = inForce(editions, asOf);
        List<Candidate> firing = null;
        for (Candidate candidate : candidates) {
            long bit = 1L << candidate.index;
            if ((matched & inForce & without.leftOut() & bit) == 0) {
                // No fact of its class, not in force, or a rule of the KieBase it runs on.
                continue;
            }
            int matches = candidate.matches(given, classBits, probe);
            if (matches == 0) {
                continue;
            }
            if (candidate.derived == null || !candidate.preparable || matches > 1) {
                // It fires here and is not prepared yet (this evaluation prepares it), it derives what a rule reads, or
                // it would fire twice.
                return null;
            }
            if (firing == null) {
                firing = new ArrayList<>(candidates.size());
            }
            firing.add(candidate);
        }
        return new Plan(without.engine(), firing == null ? List.of() : firing);
    }

    /**
     * Takes what the rules not prepared yet derived in an evaluation on the whole KieBase: {@code fired} in firing
     * order, {@code facts} every fact listed, {@code starts} where each firing's facts begin in it.
     */
    synchronized void learn(List<RuleCitation> fired, List<Object> facts, int[] starts) {
        boolean changed = false;
        for (Candidate candidate : candidates) {
            if (candidate.derived != null) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < fired.size(); i++) {
                if (fired.get(i) == candidate.citation) {
                    if (at >= 0) {
                        at = -2;
                        break;
                    }
                    at = i;
                }
            }
            if (at < 0) {
                continue;
            }
            List<Object> derived = List.copyOf(facts.subList(starts[at], at + 1 < fired.size() ? starts[at + 1] : facts.size()));
            boolean readByNoRule = true;
            for (Object fact : derived) {
                if (whole.reachesARule(fact) || isNeededByACandidate(fact)) {
                    readByNoRule = false;
                }
            }
            candidate.preparable = readByNoRule;
            candidate.derived = derived;
            changed |= !readByNoRule;
        }
        // The KieBase without the candidates leaves out all but those found to derive what a rule reads. One not prepared
        // yet is left out too: where it would fire, the evaluation runs on the whole KieBase, which prepares it. So that
        // KieBase is built once, and again only when a candidate turns out to be read (the check's cells), not each time
        // one more is prepared (a KieBase takes tens of milliseconds to build: a fresh registry batch would pay that
        // for each of the twenty).
        if (changed || current == null) {
            long leftOut = 0;
            Set<String> names = new HashSet<>();
            for (Candidate candidate : candidates) {
                if (candidate.derived == null || candidate.preparable) {
                    leftOut |= 1L << candidate.index;
                    names.add(candidate.engineName);
                }
            }
            current = new Without(without.apply(Set.copyOf(names)), leftOut);
        }
    }

    /** Whether a rule prepared here could match {@code fact}: then an evaluation deriving it runs on the whole KieBase. */
    boolean isNeededByACandidate(Object fact) {
        return needing.get(fact.getClass()) != 0;
    }

    /**
     * The candidates in force on {@code asOf} in {@code editions}, one bit each: the last date's are kept (a registry
     * batch asks for one date, row after row).
     */
    private long inForce(Map<String, String> editions, LocalDate asOf) {
        InForceOn last = lastInForce;
        if (last != null && last.asOf().equals(asOf) && last.editions().equals(editions)) {
            return last.bits();
        }
        long bits = 0;
        for (Candidate candidate : candidates) {
            if (candidate.inForce(editions, asOf)) {
                bits |= 1L << candidate.index;
            }
        }
        lastInForce = new InForceOn(asOf, Map.copyOf(editions), bits);
        return bits;
    }

    private record InForceOn(LocalDate asOf, Map<String, String> editions, long bits) {
    }

    /** The place of a rule among the whole KieBase's in load order. */
    int loadOrder(RuleCitation rule) {
        Integer order = loadOrder.get(rule);
        if (order == null) {
            throw new IllegalStateException("rule " + rule.rule() + " of " + rule.packageName()
                    + " fired but is not in the KieBase it was prepared for");
        }
        return order;
    }

    /**
     * The rules applied and the facts of an evaluation on {@code plan}'s KieBase with the prepared rules merged where
     * they fire: {@code fired} and {@code facts} as run, {@code starts} where each firing's facts begin, and
     * {@code inserted} the facts before the first firing's.
     */
    Merged merge(Plan plan, List<RuleCitation> fired, List<Object> facts, int[] starts, int inserted) {
        if (plan.firing().isEmpty()) {
            return new Merged(fired, facts);
        }
        int size = facts.size();
        for (Candidate candidate : plan.firing()) {
            size += candidate.derived.size();
        }
        List<RuleCitation> rules = new ArrayList<>(fired.size() + plan.firing().size());
        List<Object> all = new ArrayList<>(size);
        all.addAll(facts.subList(0, inserted));
        int next = 0;
        for (int i = 0; i < fired.size(); i++) {
            int order = loadOrder(fired.get(i));
            while (next < plan.firing().size() && plan.firing().get(next).loadOrder < order) {
                Candidate candidate = plan.firing().get(next++);
                rules.add(candidate.citation);
                all.addAll(candidate.derived);
            }
            rules.add(fired.get(i));
            all.addAll(facts.subList(starts[i], i + 1 < fired.size() ? starts[i + 1] : facts.size()));
        }
        while (next < plan.firing().size()) {
            Candidate candidate = plan.firing().get(next++);
            rules.add(candidate.citation);
            all.addAll(candidate.derived);
        }
        return new Merged(rules, Collections.unmodifiableList(all));
    }

    record Merged(List<RuleCitation> fired, List<Object> facts) {
    }

    /**
     * Whether the engine orders {@code rule}'s firings by load order alone: the default salience and agenda group, and
     * nothing that delays, groups or dates a firing.
     */
    private static boolean firesInLoadOrder(RuleImpl rule) {
        return !rule.isSalienceDynamic() && rule.getSalienceValue() == 0 && rule.isMainAgendaGroup()
                && rule.getActivationGroup() == null && rule.getRuleFlowGroup() == null && !rule.getAutoFocus()
                && rule.getTimer() == null && rule.getDateEffective() == null && rule.getDateExpires() == null
                && (rule.getCalendars() == null || rule.getCalendars().length == 0) && !rule.isLockOnActive();
    }

    /**
     * The classes of the rule's only condition where it is a pattern with no constraint and no binding, or an
     * {@code exists} of one or of an {@code or} of such patterns; null for any other condition.
     */
    private static List<Class<?>> onlyCondition(Condition view) {
        Condition only = unwrap(view);
        if (only instanceof PatternImpl<?> pattern) {
            // Its constraints, if any, are tested on the facts with the network's own alpha nodes (alphaConstraints).
            return unbound(pattern) ? List.of(pattern.getPatternVariable().getType()) : null;
        }
        if (only instanceof ExistentialPatternImpl exists && exists.getType() == Condition.Type.EXISTS
                && exists.getSubConditions().size() == 1) {
            Condition inner = exists.getSubConditions().get(0);
            List<Condition> alternatives = inner instanceof CompositePatterns or && or.getType() == Condition.Type.OR
                    ? or.getSubConditions() : List.of(inner);
            List<Class<?>> types = new ArrayList<>();
            for (Condition alternative : alternatives) {
                if (!(alternative instanceof PatternImpl<?> pattern) || !unconstrained(pattern)) {
                    return null;
                }
                types.add(pattern.getPatternVariable().getType());
            }
            return List.copyOf(types);
        }
        return null;
    }

    /**
     * The alpha constraints from the object type node of {@code type} to the rule's only terminal node, in the order
     * the network evaluates them; null where anything else stands between them (a join, another class's node).
     */
    private static AlphaNodeFieldConstraint[] alphaConstraints(TerminalNode[] terminals, Class<?> type) {
        if (terminals == null || terminals.length != 1
                || !(terminals[0].getLeftTupleSource() instanceof LeftInputAdapterNode input)) {
            return null;
        }
        List<AlphaNodeFieldConstraint> constraints = new ArrayList<>();
        BaseNode node = input.getObjectSource();
        while (node instanceof AlphaNode alpha) {
            constraints.add(0, alpha.getConstraint());
            node = alpha.getParent();
        }
        if (!(node instanceof ObjectTypeNode objectType) || !objectType.getObjectType().isAssignableFrom(type)) {
            return null;
        }
        return constraints.toArray(AlphaNodeFieldConstraint[]::new);
    }

    /** The view's only condition besides its consequence, or null. */
    private static Condition unwrap(Condition view) {
        if (!(view instanceof CompositePatterns and) || and.getType() != Condition.Type.AND) {
            return view;
        }
        Condition only = null;
        for (Condition condition : and.getSubConditions()) {
            if (condition.getType() == Condition.Type.CONSEQUENCE) {
                continue;
            }
            if (only != null) {
                return null;
            }
            only = condition;
        }
        return only;
    }

    private static boolean unconstrained(PatternImpl<?> pattern) {
        return !pattern.hasConstraints() && unbound(pattern);
    }

    /** A pattern that binds nothing for the consequence to read. */
    private static boolean unbound(PatternImpl<?> pattern) {
        return pattern.getBindings().isEmpty() && !pattern.isPassive() && pattern.getPatternVariable().getType() != Object.class;
    }

    /** The consequence of a rule's DRL text: what follows its {@code then} line (the whole text if it has none). */
    private static String consequence(String ruleText) {
        Matcher then = THEN.matcher(ruleText);
        return then.find() ? ruleText.substring(then.start()) : ruleText;
    }
}
