package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Every day from 2013 to 2023: no act has two editions in force, and a day no encoded edition covers is
 * refused with the reason, never answered from another edition.
 */
class EditionsInForceTest {
    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();

    @Test
    void noDayHasTwoEditionsOfOneAct() {
        for (Act act : knowledgeBase.acts()) {
            for (LocalDate day = LocalDate.of(2013, 1, 1); day.getYear() <= 2023; day = day.plusDays(1)) {
                LocalDate date = day;
                long inForce = act.editions().stream().filter(edition -> edition.inForceOn(date)).count();
                assertThat(inForce).as("%s on %s", act.id(), day).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void order133IsAnsweredOnlyFromItsEncodedEdition() {
        Act order = knowledgeBase.act("kz.order_133");
        assertThatThrownBy(() -> order.editionInForce(LocalDate.of(2017, 1, 1)))
                .isInstanceOf(NoEditionInForceException.class).hasMessageContaining("не закодирован");
        assertThat(order.editionInForce(LocalDate.of(2020, 5, 29)).edition()).isEqualTo("2020");
        assertThat(order.editionInForce(LocalDate.of(2022, 9, 24)).edition()).isEqualTo("2020");
        assertThatThrownBy(() -> order.editionInForce(LocalDate.of(2022, 9, 25)))
                .isInstanceOf(NoEditionInForceException.class).hasMessageContaining("утратил силу с 2022-09-25");
        assertThatThrownBy(() -> order.editionInForce(LocalDate.of(2015, 3, 29)))
                .isInstanceOf(NoEditionInForceException.class).hasMessageContaining("ещё не действовал");
    }

    @Test
    void decree845ClausesRestatedIn2013ApplyOnlyFromThen() {
        RuleCitation clause10 = knowledgeBase.citation("kz.decree_845", "10");
        assertThat(clause10.appliesOn(LocalDate.of(2013, 12, 30))).isFalse();
        assertThat(clause10.appliesOn(LocalDate.of(2013, 12, 31))).isTrue();
        RuleCitation clause17 = knowledgeBase.citation("kz.decree_845", "17");
        assertThat(clause17.appliesOn(LocalDate.of(2013, 9, 6))).isTrue();
        Act decree = knowledgeBase.act("kz.decree_845");
        assertThat(decree.editionInForce(LocalDate.of(2015, 8, 9)).interpretation()).contains("опубликования");
    }

    @Test
    void everyRuleOfAnActWithAKazakhTextQuotesIt() {
        knowledgeBase.rules().stream().filter(rule -> rule.actId().equals("kz.order_133"))
                .forEach(rule -> assertThat(rule.quoteKk()).as(rule.rule()).isNotBlank());
    }
}
