package org.reglament.knowledgebase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.drools.base.base.ValueResolver;
import org.drools.model.Drools;

/**
 * What the rules of one evaluation derived, in the order they derived it, and the consequence that derives a fact:
 * {@code derive(drools, new FollowUpStep(…))} in a rule file ({@code import function
 * org.reglament.knowledgebase.Derivations.derive;}) in place of {@code insert(new FollowUpStep(…))}.
 * <p>
 * A fact no rule of the session's KieBase can match is only listed, not inserted: inserting it gave nothing to match,
 * yet cost the engine a fact handle, a propagation and a store of its class, which the next evaluation's reset cleared
 * again (in an action matrix 9 of the 18–20 facts the rules derive: the follow-up steps, the approval route, the legal
 * force; docs/benchmarks.md, "Provenance for free"). "Can match" is asked of the fact itself: no pattern names its
 * class, or it fails the alpha constraints on every way from its class to a rule ({@link RuleEngines.Engine#reaches}),
 * so of the cells only action 3's, which 3.1.4.4, 3.1.4.6, 3.1.4.7 and 3.5 read, is inserted in {@code derive}. The
 * same rule in a KieBase with rules that do match such a fact (the timeline's rules read the follow-up steps) inserts
 * it. What the rules derive, and in what order, is the same
 * either way: {@code ActionMatrixRuleScopeTest} compares the two.
 * <p>
 * Outside an evaluation of {@link KnowledgeBase#evaluate} (or in a KieBase where some rule inserts by other means, and
 * so the facts are listed from the session: {@link RuleEngines.Engine#collects}) {@code derive} is a plain insert.
 */
public final class Derivations {
    /**
     * The evaluation whose rules fire on this thread: the engine runs a session's consequences on the thread that
     * called {@code fireAllRules}, and {@link KnowledgeBase#evaluate} sets this just around that call.
     */
    private static final ThreadLocal<Derivations> FIRING = new ThreadLocal<>();

    private final RuleEngines.Engine engine;
    /** The evaluation's session, for the alpha constraints a derived fact is tested against. */
    private final ValueResolver session;
    private final List<Object> facts = new ArrayList<>();
    private int inserted;

    Derivations(RuleEngines.Engine engine, ValueResolver session) {
        this.engine = engine;
        this.session = session;
    }

    /** The consequence of a rule that derives {@code fact}. */
    public static void derive(Drools drools, Object fact) {
        Derivations firing = FIRING.get();
        if (firing == null) {
            drools.insert(fact);
            return;
        }
        if (firing.engine.reaches(fact, firing.session)) {
            drools.insert(fact);
            firing.inserted++;
        }
        firing.facts.add(fact);
    }

    /** A fact the evaluation itself inserts into {@code session} (a parameter, a fact of the request). */
    void inserted(Object fact) {
        facts.add(fact);
        inserted++;
    }

    /** How many of the facts are in the session. */
    int insertedCount() {
        return inserted;
    }

    /** How many facts are listed so far, inserted and derived. */
    int listedCount() {
        return facts.size();
    }

    /** Every fact, in the order inserted or derived. */
    List<Object> facts() {
        return Collections.unmodifiableList(facts);
    }

    /** Runs {@code firing} with the consequences' derivations going to this evaluation. */
    void during(Runnable firing) {
        Derivations outer = FIRING.get();
        FIRING.set(this);
        try {
            firing.run();
        } finally {
            if (outer == null) {
                FIRING.remove();
            } else {
                FIRING.set(outer);
            }
        }
    }
}
