package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.MatrixReadings;
import org.reglament.matrix.MfcOnlyBooking;
import org.reglament.matrix.OtherCasesDecidedBy;
import org.reglament.matrix.ProposedCell;
import org.reglament.matrix.ProposedMatrix;
import org.reglament.matrix.PublicService;
import org.reglament.matrix.CellValue;
import org.reglament.matrix.ServiceCategory;

/**
 * {@link PreparedRules}: the rules whose only condition is that a service is there are prepared once, from the first
 * evaluation they fire in, and merged into later ones where they would have fired. Every evaluation must give the
 * rules applied and the facts, in order, of the same decision on a KieBase that runs every rule (the act's whole
 * KieBase, which prepares nothing); {@code ActionMatrixRuleScopeTest} compares the two on every combination of an
 * action matrix's facts and readings and three dates.
 */
class PreparedRulesTest {
    private static final String ACT = ActionMatrixDecisions.ACT;
    private static final LocalDate IN_FORCE = LocalDate.of(2018, 10, 1);
    /** The rules of derive's KieBase that need only the service (and, for section 1, any question of the guidelines). */
    private static final Set<String> NEED_ONLY_A_SERVICE = Set.of("3.1.4.1", "3.1.4.8", "3.1.4.9", "3.1", "3.2", "3.4",
            "3 абз. 5 п. 6", "1 абз. 2 рекомендательный характер", "3 абз. 4 девять действий — требование ПП № 236");
    /** Those that test one fact's own values and bind nothing: prepared too, fired where the fact passes. */
    private static final Set<String> NEED_THE_SERVICE_S_VALUES = Set.of("3.1.4.2 личный приём в органе",
            "3.1.4.2 личного приёма нет", "3.1.4.2 нет личного приёма в органе", "3.1.4.5 пошлина или платежи",
            "3.1.4.5 нет платежей", "3.3 услуга через МФЦ", "3.3 услуга не через МФЦ", "3.5 абз. 2 приоритетная услуга",
            "3.1.1", "3.1.2", "3.1.3.1", "3.1.3.2", "3.1.1 абз. 2 матрица одобрена Подкомиссией",
            "3 абз. 3 требование ПП № 236");

    @Test
    void deriveRunsWithoutTheRulesThatNeedOnlyAServiceOnceTheyHaveFired() {
        KnowledgeBase knowledgeBase = KnowledgeBaseFixture.compile(RuleSources.fromDirectory(KnowledgeBaseFixture.RULES));
        RuleEngines.Engine engine = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_DERIVED);
        PreparedRules prepared = engine.prepared();
        Set<String> candidates = new java.util.HashSet<>(NEED_ONLY_A_SERVICE);
        candidates.addAll(NEED_THE_SERVICE_S_VALUES);
        assertThat(prepared.candidates().stream().map(candidate -> candidate.citation.rule()))
                .containsExactlyInAnyOrderElementsOf(candidates);
        Map<String, String> editions = Map.of(ACT, "1.1");
        List<Object> facts = List.of(service(ServiceCategory.REGIONAL, 120), MatrixReadings.of(null, null));
        assertThat(prepared.plan(editions, IN_FORCE, facts)).as("nothing prepared before a first evaluation").isNull();

        Evaluation first = knowledgeBase.evaluate(ACT, IN_FORCE, facts, ActionMatrixDecisions.NOT_DERIVED);
        PreparedRules.Plan plan = prepared.plan(editions, IN_FORCE, facts);
        assertThat(plan).isNotNull();
        // A regional service with fees, through the MFC, received in person only at the MFC.
        Set<String> firing = new java.util.HashSet<>(NEED_ONLY_A_SERVICE);
        firing.addAll(Set.of("3.1.2", "3.1.4.5 пошлина или платежи", "3.3 услуга через МФЦ"));
        assertThat(plan.firing().stream().map(candidate -> candidate.citation.rule()))
                .containsExactlyInAnyOrderElementsOf(firing);
        assertThat(plan.engine()).isNotSameAs(engine);
        for (PreparedRules.Candidate candidate : prepared.candidates()) {
            boolean fired = firing.contains(candidate.citation.rule());
            assertThat(candidate.derived != null).as(candidate.citation.rule()).isEqualTo(fired);
            if (fired) {
                assertThat(candidate.preparable).as(candidate.citation.rule()).isTrue();
                assertThat(candidate.derived).as(candidate.citation.rule()).hasSize(1);
            }
        }
        Evaluation second = knowledgeBase.evaluate(ACT, IN_FORCE, facts, ActionMatrixDecisions.NOT_DERIVED);
        assertThat(second.firedRules()).isEqualTo(first.firedRules());
        assertThat(second.facts()).isEqualTo(first.facts());
        assertSameAsEveryRule(knowledgeBase, facts, IN_FORCE, ActionMatrixDecisions.NOT_DERIVED);
    }

    @Test
    void theCheckKeepsRunningTheRulesWhoseCellsItCompares() {
        KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
        List<Object> facts = new ArrayList<>(List.of(service(ServiceCategory.MUNICIPAL, 10), MatrixReadings.of(null, null)));
        for (int action = 1; action <= 9; action++) {
            facts.add(new ProposedCell(action, CellValue.ZERO));
        }
        facts.add(new ProposedMatrix(false));
        assertSameAsEveryRule(knowledgeBase, facts, IN_FORCE, ActionMatrixDecisions.NOT_ABOUT_A_MATRIX);
        PreparedRules prepared = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_ABOUT_A_MATRIX).prepared();
        for (PreparedRules.Candidate candidate : prepared.candidates()) {
            if (candidate.derived == null) {
                continue;
            }
            // Every cell is compared with the proposal (3.1.2's rules): the rules of cells are not prepared.
            boolean aCell = candidate.citation.rule().startsWith("3.1.4.");
            assertThat(candidate.preparable).as(candidate.citation.rule()).isEqualTo(!aCell);
        }
        assertSameAsEveryRule(knowledgeBase, facts, IN_FORCE, ActionMatrixDecisions.NOT_ABOUT_A_MATRIX);
    }

    @Test
    void twoServicesAreDecidedOnTheWholeKieBase() {
        KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
        List<Object> one = List.of(service(ServiceCategory.REGIONAL, 120), MatrixReadings.of(null, null));
        assertSameAsEveryRule(knowledgeBase, one, IN_FORCE, ActionMatrixDecisions.NOT_DERIVED);
        List<Object> two = List.of(service(ServiceCategory.REGIONAL, 120), service(ServiceCategory.PRIORITY, 5),
                MatrixReadings.of(null, null));
        PreparedRules prepared = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_DERIVED).prepared();
        assertThat(prepared.plan(Map.of(ACT, "1.1"), IN_FORCE, two)).as("3.1.4.1 would fire twice").isNull();
        Evaluation both = assertSameAsEveryRule(knowledgeBase, two, IN_FORCE, ActionMatrixDecisions.NOT_DERIVED);
        assertThat(both.firedRules().stream().filter(rule -> rule.rule().equals("3.1.4.1"))).hasSize(2);
    }

    /**
     * A candidate knowledge base where two of the rules have dates of their own within the edition: each is prepared
     * the first time it is in force and fires, and left out of the answer where it is not in force.
     */
    @Test
    void rulesWithDatesOfTheirOwnArePreparedWhenTheyFirstApply() {
        Map<String, byte[]> files = new TreeMap<>(RuleSources.fromDirectory(KnowledgeBaseFixture.RULES).files());
        String criteria = "ru/kamchatka_guidelines/3.1.4-criteria.drl";
        String followUp = "ru/kamchatka_guidelines/3.2-3.6-follow-up.drl";
        files.put(criteria, dated(files.get(criteria), "rule \"3.1.4.9\"\n", "@validFrom(\"2020-01-01\")"));
        files.put(followUp, dated(files.get(followUp), "rule \"3.2\"\n", "@validTo(\"2019-12-31\")"));
        KnowledgeBase knowledgeBase = KnowledgeBaseFixture.compile(new RuleSources(files));
        List<LocalDate> dates = List.of(LocalDate.of(2019, 6, 1), LocalDate.of(2021, 6, 1), LocalDate.of(2019, 6, 2),
                LocalDate.of(2021, 6, 2));
        for (LocalDate date : dates) {
            for (ServiceCategory category : ServiceCategory.values()) {
                for (int applications : new int[] {100, 101}) {
                    List<Object> facts = List.of(service(category, applications),
                            MatrixReadings.of(MfcOnlyBooking.NOT_PROVIDED, OtherCasesDecidedBy.AGENCY));
                    Evaluation evaluation = assertSameAsEveryRule(knowledgeBase, facts, date, ActionMatrixDecisions.NOT_DERIVED);
                    List<String> fired = evaluation.firedRules().stream().map(RuleCitation::rule).toList();
                    assertThat(fired.contains("3.1.4.9")).as("3.1.4.9 on %s", date).isEqualTo(date.getYear() >= 2020);
                    assertThat(fired.contains("3.2")).as("3.2 on %s", date).isEqualTo(date.getYear() < 2020);
                }
            }
        }
        PreparedRules prepared = knowledgeBase.engine(ACT, ActionMatrixDecisions.NOT_DERIVED).prepared();
        assertThat(prepared.candidates()).filteredOn(candidate -> candidate.derived != null)
                .allSatisfy(candidate -> assertThat(candidate.preparable).isTrue());
    }

    private static byte[] dated(byte[] file, String rule, String metadata) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).contains(rule);
        return text.replace(rule, rule + "    " + metadata + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The decision on its own KieBase (its rules prepared or not) against the act's whole KieBase, which runs them all. */
    private static Evaluation assertSameAsEveryRule(KnowledgeBase knowledgeBase, List<Object> facts, LocalDate date,
                                                    Set<String> leftOut) {
        Evaluation every = knowledgeBase.evaluate(ACT, date, facts);
        for (int i = 0; i < 2; i++) {
            Evaluation scoped = knowledgeBase.evaluate(ACT, date, facts, leftOut);
            assertThat(scoped.firedRules()).as("%s on %s", facts, date).isEqualTo(every.firedRules());
            assertThat(withoutParameters(scoped.facts())).as("%s on %s", facts, date)
                    .isEqualTo(withoutParameters(every.facts()));
        }
        return every;
    }

    private static List<Object> withoutParameters(List<Object> facts) {
        return facts.stream().filter(fact -> !(fact instanceof LegalParameter)).toList();
    }

    private static PublicService service(ServiceCategory category, int applications) {
        return new PublicService(category, applications, true, false, true, true, true);
    }
}
