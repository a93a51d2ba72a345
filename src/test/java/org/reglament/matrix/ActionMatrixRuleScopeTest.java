package org.reglament.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.knowledgebase.LegalParameter;
import org.reglament.knowledgebase.RuleCitation;

/**
 * The action-matrix decisions run on a KieBase without the guidelines' rule files about other questions
 * ({@link ActionMatrixDecisions#NOT_DERIVED}, {@link ActionMatrixDecisions#NOT_ABOUT_A_MATRIX}), and insert only the
 * parameters its rules name. Leaving them out must change nothing: on every combination of the facts the criteria
 * read, both readings of 3.1.4, several proposals and dates in and before the edition's rules, the rules of all the
 * act's files and the decision's fire the same rules in the same order and derive the same facts in the same order
 * (the parameters apart, which no decision reads).
 */
class ActionMatrixRuleScopeTest {
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2018, 9, 12), LocalDate.of(2018, 10, 1),
            LocalDate.of(2026, 12, 2));

    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void deriveFiresTheSameRulesWithoutTheFilesItLeavesOut() {
        int compared = 0;
        for (LocalDate date : DATES) {
            for (PublicService service : everyCombinationOfFacts()) {
                for (MatrixReadings readings : everyReading()) {
                    List<Object> facts = List.of(service, readings);
                    assertSame(facts, date, ActionMatrixDecisions.NOT_DERIVED);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(DATES.size() * 768 * 4);
    }

    @Test
    void theCheckFiresTheSameRulesWithoutTheFilesItLeavesOut() {
        int compared = 0;
        for (PublicService service : everyCombinationOfFacts()) {
            for (MatrixReadings readings : everyReading()) {
                for (CellValue value : List.of(CellValue.ONE, CellValue.ZERO, CellValue.DASH)) {
                    for (boolean note : new boolean[] {false, true}) {
                        List<Object> facts = new ArrayList<>(List.of(service, readings));
                        for (int action = 1; action <= ActionMatrixDecisions.ACTIONS; action++) {
                            // Each action its own value now and then, so that the followers can differ from action 3.
                            facts.add(new ProposedCell(action, action % 3 == 0 ? CellValue.ONE : value));
                        }
                        facts.add(new ProposedMatrix(note));
                        assertSame(facts, LocalDate.of(2018, 10, 1), ActionMatrixDecisions.NOT_ABOUT_A_MATRIX);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(768 * 4 * 3 * 2);
    }

    @Test
    void theFilesLeftOutAreFilesOfThisKnowledgeBaseWithRulesThatFireElsewhere() {
        for (String file : ActionMatrixDecisions.NOT_DERIVED) {
            assertThat(knowledgeBase.sources().files()).as(file).containsKey(file);
        }
        assertThat(ActionMatrixDecisions.NOT_DERIVED).containsAll(ActionMatrixDecisions.NOT_ABOUT_A_MATRIX);
    }

    private void assertSame(List<Object> facts, LocalDate date, Set<String> leftOut) {
        Evaluation whole = knowledgeBase.evaluate(ActionMatrixDecisions.ACT, date, facts);
        Evaluation scoped = knowledgeBase.evaluate(ActionMatrixDecisions.ACT, date, facts, leftOut);
        assertThat(names(scoped.firedRules())).as("%s on %s", facts, date).isEqualTo(names(whole.firedRules()))
                .isNotEmpty();
        assertThat(withoutParameters(scoped.facts())).as("%s on %s", facts, date)
                .isEqualTo(withoutParameters(whole.facts()));
        assertThat(scoped.firedRules()).isEqualTo(whole.firedRules());
    }

    private static List<String> names(List<RuleCitation> rules) {
        return rules.stream().map(RuleCitation::rule).toList();
    }

    private static List<Object> withoutParameters(List<Object> facts) {
        return facts.stream().filter(fact -> !(fact instanceof LegalParameter)).toList();
    }

    private static List<MatrixReadings> everyReading() {
        List<MatrixReadings> readings = new ArrayList<>();
        for (MfcOnlyBooking mfcOnly : MfcOnlyBooking.values()) {
            for (OtherCasesDecidedBy otherCases : OtherCasesDecidedBy.values()) {
                readings.add(MatrixReadings.of(mfcOnly, otherCases));
            }
        }
        return readings;
    }

    /** Every category, four counts around the threshold, every yes/no fact, and the MFC's reception: not said, yes, no. */
    private static List<PublicService> everyCombinationOfFacts() {
        List<PublicService> services = new ArrayList<>();
        for (ServiceCategory category : ServiceCategory.values()) {
            for (int applications : new int[] {0, 100, 101, 5000}) {
                for (int facts = 0; facts < 16; facts++) {
                    for (Boolean atMfc : new Boolean[] {null, true, false}) {
                        services.add(new ServiceDescription("41000000000001", "Услуга", null, null, category,
                                applications, (facts & 1) != 0, (facts & 2) != 0, (facts & 4) != 0, (facts & 8) != 0,
                                atMfc).toFacts());
                    }
                }
            }
        }
        return services;
    }
}
