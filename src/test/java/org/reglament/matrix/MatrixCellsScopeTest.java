package org.reglament.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.knowledgebase.KnowledgeBases;

/**
 * A registry's rows are decided by {@link ActionMatrixDecisions#cells}, on the rules of 3.1.4 without the route, the
 * follow-up steps and the legal force ({@link ActionMatrixDecisions#NOT_ABOUT_THE_CELLS}). The cells and the
 * explanatory note must be those of {@link ActionMatrixDecisions#derive} on every combination of the facts the
 * criteria read, every reading of the contested clauses and dates before, at and long after the edition's start.
 */
class MatrixCellsScopeTest {
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2018, 9, 12), LocalDate.of(2018, 10, 1),
            LocalDate.of(2026, 12, 2));

    private final ActionMatrixDecisions decisions = new ActionMatrixDecisions(
            new KnowledgeBases(KnowledgeBaseFixture.knowledgeBase()),
            new Envelopes(), new DecisionMetrics(new SimpleMeterRegistry()));

    @Test
    void theCellsAloneAreTheCellsOfTheWholeDerivation() {
        int compared = 0;
        int notes = 0;
        for (LocalDate date : DATES) {
            for (ServiceCategory category : ServiceCategory.values()) {
                for (int applications : new int[] {0, 100, 101, 5000}) {
                    for (int facts = 0; facts < 16; facts++) {
                        for (Boolean atMfc : new Boolean[] {null, true, false}) {
                            ServiceDescription service = new ServiceDescription("41000000000001", "Услуга", null, null,
                                    category, applications, (facts & 1) != 0, (facts & 2) != 0, (facts & 4) != 0,
                                    (facts & 8) != 0, atMfc);
                            for (MfcOnlyBooking mfcOnly : MfcOnlyBooking.values()) {
                                for (OtherCasesDecidedBy otherCases : OtherCasesDecidedBy.values()) {
                                    var request = new ActionMatrixRequest(date, service, mfcOnly, otherCases);
                                    ActionMatrix whole = decisions.derive(request).result();
                                    ActionMatrixDecisions.MatrixCells alone = decisions.cells(request);
                                    assertThat(alone.cells()).as("%s", request).hasSize(9).isEqualTo(whole.cells());
                                    assertThat(alone.explanatoryNote()).as("%s", request)
                                            .isEqualTo(whole.explanatoryNote());
                                    notes += alone.explanatoryNote().required() ? 1 : 0;
                                    compared++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(DATES.size() * 768 * 4);
        assertThat(notes).as("rows that need the explanatory note of 3.1.4.3 para. 2").isPositive();
    }

    @Test
    void theFilesLeftOutForTheCellsAreFilesOfThisKnowledgeBase() {
        for (String file : ActionMatrixDecisions.NOT_ABOUT_THE_CELLS) {
            assertThat(KnowledgeBaseFixture.knowledgeBase().sources().files()).as(file).containsKey(file);
        }
        assertThat(ActionMatrixDecisions.NOT_ABOUT_THE_CELLS).containsAll(ActionMatrixDecisions.NOT_DERIVED);
    }
}
