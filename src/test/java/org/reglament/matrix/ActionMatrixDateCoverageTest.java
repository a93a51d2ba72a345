package org.reglament.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.NoEditionInForceException;

/**
 * Walks every day from 2018 to 2030 (Catala's date-coverage test): on each day either no encoded
 * edition is in force and the decision is refused, or every action and step is rated exactly once,
 * and a matrix written from the derived criteria passes the check under the same criteria.
 */
class ActionMatrixDateCoverageTest {
    private static final LocalDate EDITION_1_1 = LocalDate.of(2018, 9, 12);

    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
    private final ActionMatrixDecisions decisions = new ActionMatrixDecisions(
            new KnowledgeBases(knowledgeBase, new org.springframework.beans.factory.support.StaticListableBeanFactory()
                    .getBeanProvider(org.reglament.knowledgebase.KnowledgeBaseSourceStore.class)),
            new Envelopes(), new DecisionMetrics(new SimpleMeterRegistry()));
    private final List<ServiceDescription> services = everyCombinationOfFacts();

    @Test
    void everyDayIsEitherRefusedOrFullyRated() {
        int day = 0;
        for (LocalDate date = LocalDate.of(2018, 1, 1); date.isBefore(LocalDate.of(2031, 1, 1)); date = date.plusDays(1)) {
            ServiceDescription service = services.get(day++ % services.size());
            ActionMatrixRequest request = new ActionMatrixRequest(date, service);
            if (date.isBefore(EDITION_1_1)) {
                assertThatThrownBy(() -> decisions.derive(request)).as(date.toString())
                        .isInstanceOf(NoEditionInForceException.class);
            } else {
                DecisionEnvelope<ActionMatrix> envelope = decisions.derive(request);
                assertThat(envelope.regulation().edition()).isEqualTo("1.1");
                assertThat(envelope.result().cells()).extracting(ActionMatrix.Cell::action).as(date.toString())
                        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
                assertThat(envelope.result().followUpSteps()).extracting(ActionMatrix.Step::step).as(date.toString())
                        .containsExactly(1, 2, 3, 4, 5, 6);
            }
        }
    }

    @Test
    void aMatrixWrittenFromTheCriteriaAlwaysPassesTheCheck() {
        for (ServiceDescription service : services) {
            for (MfcOnlyBooking mfcOnly : MfcOnlyBooking.values()) {
                for (OtherCasesDecidedBy otherCases : OtherCasesDecidedBy.values()) {
                    passesTheCheckItWasDerivedFor(service, mfcOnly, otherCases);
                }
            }
        }
    }

    private void passesTheCheckItWasDerivedFor(ServiceDescription service, MfcOnlyBooking mfcOnly,
                                               OtherCasesDecidedBy otherCases) {
        {
            ActionMatrix derived = decisions.derive(new ActionMatrixRequest(EDITION_1_1, service, mfcOnly, otherCases))
                    .result();
            List<String> proposal = new ArrayList<>();
            for (ActionMatrix.Cell cell : derived.cells()) {
                assertThat(cell.allowed()).as("allowed values of %d", cell.action()).isNotEmpty();
                assertThat(cell.citation().quote()).isNotBlank();
                if (cell.value() == CellValue.DISCRETIONARY) {
                    assertThat(cell.allowed()).hasSizeGreaterThan(1);
                } else {
                    assertThat(cell.allowed()).containsExactly(cell.value());
                    if (cell.value() != CellValue.ONE) {
                        assertThat(cell.why()).as("why action %d is not «1»", cell.action()).isNotBlank();
                    }
                }
                // A follower repeats the value chosen for its basis; otherwise take the first allowed value.
                proposal.add(cell.followsAction() != null ? proposal.get(cell.followsAction() - 1)
                        : cell.allowed().iterator().next().code());
            }
            MatrixCheck check = decisions.check(new MatrixCheckRequest(EDITION_1_1, service,
                    new MatrixProposal(proposal, derived.explanatoryNote().required()), mfcOnly, otherCases)).result();
            assertThat(check.violations()).as("%s proposing %s", service, proposal).isEmpty();
            assertThat(check.compliant()).isTrue();

            // And the other side: a value the criteria do not allow, in the first cell they fix, is not compliant and
            // is named in that cell (a breach, or a referral to the Working Group under 3.1.4.3 para. 3).
            ActionMatrix.Cell fixed = derived.cells().stream().filter(c -> c.value() != CellValue.DISCRETIONARY)
                    .findFirst().orElseThrow();
            CellValue other = java.util.stream.Stream.of(CellValue.ONE, CellValue.ZERO, CellValue.DASH)
                    .filter(v -> !fixed.allowed().contains(v)).findFirst().orElseThrow();
            List<String> broken = new ArrayList<>(proposal);
            broken.set(fixed.action() - 1, other.code());
            MatrixCheck refused = decisions.check(new MatrixCheckRequest(EDITION_1_1, service,
                    new MatrixProposal(broken, derived.explanatoryNote().required()), mfcOnly, otherCases)).result();
            assertThat(refused.compliant()).as("%s proposing %s", service, broken).isFalse();
            assertThat(java.util.stream.Stream.concat(refused.violations().stream().map(MatrixCheck.Breach::action),
                    refused.referrals().stream().map(MatrixCheck.ReferralToWorkingGroup::action)))
                    .as("%s proposing %s", service, broken).contains(fixed.action());
        }
    }

    @Test
    void theSameRequestGivesTheSameAnswerApartFromItsId() {
        ActionMatrixRequest request = new ActionMatrixRequest(LocalDate.of(2018, 10, 1), services.get(37));
        DecisionEnvelope<ActionMatrix> first = decisions.derive(request);
        DecisionEnvelope<ActionMatrix> second = decisions.derive(request);
        assertThat(second.decisionId()).isNotEqualTo(first.decisionId());
        assertThat(second).usingRecursiveComparison().ignoringFields("decisionId").isEqualTo(first);
        assertThat(first.knowledgeBaseVersion()).isEqualTo(knowledgeBase.version());
    }

    /**
     * Every category, both sides of the 100-application threshold, every yes/no fact, and whether the MFC receives
     * applicants in person (not said, yes, no): 4 × 2 × 16 × 3.
     */
    private static List<ServiceDescription> everyCombinationOfFacts() {
        List<ServiceDescription> services = new ArrayList<>();
        for (ServiceCategory category : ServiceCategory.values()) {
            for (int applications : new int[] {100, 101}) {
                for (int facts = 0; facts < 16; facts++) {
                    for (Boolean atMfc : new Boolean[] {null, true, false}) {
                        services.add(new ServiceDescription("41000000000001", "Услуга", null, null, category, applications,
                                (facts & 1) != 0, (facts & 2) != 0, (facts & 4) != 0, (facts & 8) != 0, atMfc));
                    }
                }
            }
        }
        return services;
    }
}
