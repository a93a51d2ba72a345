package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reglament.decision.LegalForce;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ApprovalRoute;
import org.reglament.matrix.CellRuling;
import org.reglament.matrix.FollowUpStep;
import org.reglament.matrix.MatrixReadings;
import org.reglament.matrix.PublicService;
import org.reglament.matrix.ServiceCategory;

/**
 * {@link Derivations#derive}: in a KieBase whose rules all derive through it, a fact no rule there matches is listed
 * but not inserted, and the facts are listed in the order they were inserted and derived; a KieBase with a rule that
 * inserts otherwise inserts everything and lists the session's facts. (That both give the same facts in the same
 * order for every combination of an action matrix's facts is {@code ActionMatrixRuleScopeTest}'s.)
 */
class DerivationsTest {
    private static final String ACT = ActionMatrixDecisions.ACT;
    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void theActionMatrixKieBaseListsWhatNoRuleOfItMatchesWithoutInsertingIt() {
        RuleEngines.Engine matrix = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_DERIVED);
        assertThat(matrix.collects()).isTrue();
        assertThat(matrix.matches(CellRuling.class)).as("the follow-up rules read action 3's cell").isTrue();
        assertThat(matrix.matches(PublicService.class)).isTrue();
        assertThat(matrix.matches(FollowUpStep.class)).isFalse();
        assertThat(matrix.matches(ApprovalRoute.class)).isFalse();
        assertThat(matrix.matches(LegalForce.class)).isFalse();
    }

    @Test
    void aKieBaseWhereSomeRuleInsertsOtherwiseInsertsEverything() {
        // The deadlines' rules insert with insert(…), and read the follow-up steps.
        RuleEngines.Engine whole = knowledgeBase.engine(ACT, Set.of());
        assertThat(whole.collects()).isFalse();
        assertThat(whole.matches(FollowUpStep.class)).isTrue();
    }

    @Test
    void theFactsAreListedInTheOrderTheyWereInsertedAndDerived() {
        PublicService service = new PublicService(ServiceCategory.REGIONAL, 120, true, true, true, true, null);
        MatrixReadings readings = MatrixReadings.of(null, null);
        Evaluation listed = knowledgeBase.evaluate(ACT, LocalDate.of(2018, 10, 1), List.of(service, readings),
                ActionMatrixDecisions.NOT_DERIVED);
        Evaluation fromTheSession = knowledgeBase.evaluate(ACT, LocalDate.of(2018, 10, 1), List.of(service, readings));
        assertThat(listed.all(FollowUpStep.class)).hasSize(6);
        assertThat(listed.all(ApprovalRoute.class)).hasSize(1);
        assertThat(listed.facts()).containsSubsequence(service, readings, listed.all(CellRuling.class).get(0));
        assertThat(listed.facts().stream().filter(fact -> !(fact instanceof LegalParameter)).toList())
                .isEqualTo(fromTheSession.facts().stream().filter(fact -> !(fact instanceof LegalParameter)).toList());
    }

    @Test
    void aRuleTextReadsAsDerivingOnlyThroughDerive() {
        assertThat(RuleEngines.Derived.only(List.of("then\n    derive(drools, new FollowUpStep(1, null, null, \"3.1\"));")))
                .isTrue();
        assertThat(RuleEngines.Derived.only(List.of("then\n    derive(drools, new A());", "then\n    insert(new B());")))
                .isFalse();
        assertThat(RuleEngines.Derived.only(List.of("then\n    drools.insert(new B());"))).isFalse();
        assertThat(RuleEngines.Derived.only(List.of("then\n    insertLogical(new B());"))).isFalse();
        assertThat(RuleEngines.Derived.only(List.of("then\n    kcontext.getKieRuntime().insert(new B());"))).isFalse();
    }
}
