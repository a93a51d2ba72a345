package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reglament.decision.LegalForce;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.Applicability;
import org.reglament.matrix.ApprovalRoute;
import org.reglament.matrix.CellRuling;
import org.reglament.matrix.CellValue;
import org.reglament.matrix.FollowUpStep;
import org.reglament.matrix.MatrixReadings;
import org.reglament.matrix.PublicService;
import org.reglament.matrix.ServiceCategory;

/**
 * {@link Derivations#derive}: in a KieBase whose rules all derive through it, a fact no rule there matches (no pattern
 * names its class, or its values fail the alpha constraints on every way to a rule) is listed but not inserted, and the facts are listed in the order they were inserted and derived; a KieBase with a rule that
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
        assertThat(matrix.reachesARule(cell(3))).as("3.1.4.4, 3.1.4.6, 3.1.4.7 and 3.5 read action 3's cell").isTrue();
        for (int action : new int[] {1, 2, 4, 5, 6, 7, 8, 9}) {
            assertThat(matrix.reachesARule(cell(action))).as("only action 3's cell is read, not %s's", action).isFalse();
        }
        assertThat(matrix.reachesARule(new PublicService(ServiceCategory.REGIONAL, 120, true, true, true, true, null)))
                .isTrue();
        assertThat(matrix.reachesARule(new FollowUpStep(1, Applicability.APPLIES, null, "3.1"))).isFalse();
        assertThat(matrix.reachesARule(new ApprovalRoute(null, null, "Подкомиссия", null, "3.1.1"))).isFalse();
        assertThat(matrix.reachesARule(new LegalForce(null, LegalForce.Force.RECOMMENDATION, "", "1"))).isFalse();
    }

    @Test
    void theCheckReadsEveryCell() {
        // The proposal's rules compare each proposed cell with the criterion's (CellRuling(action == $action, …)).
        RuleEngines.Engine check = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_ABOUT_A_MATRIX);
        for (int action = 1; action <= 9; action++) {
            assertThat(check.reachesARule(cell(action))).as("action %s", action).isTrue();
        }
    }

    @Test
    void aKieBaseWhereSomeRuleInsertsOtherwiseInsertsEverything() {
        // The deadlines' rules insert with insert(…), and read the follow-up steps.
        RuleEngines.Engine whole = knowledgeBase.engine(ACT, Set.of());
        assertThat(whole.collects()).isFalse();
        assertThat(whole.reachesARule(new FollowUpStep(5, Applicability.APPLIES, null, "3.5"))).isTrue();
    }

    private static CellRuling cell(int action) {
        return CellRuling.fixed(action, CellValue.ONE, null, "3.1.4." + action);
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
