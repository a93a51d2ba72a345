package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Citations are data the service returns to lawyers: each must be present and must quote its act's text. */
class CitationsTest {
    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
    private final Map<String, String> texts = new HashMap<>();

    @Test
    void everyRuleQuotesTheTextOfTheEditionItCites() {
        assertThat(knowledgeBase.rules()).isNotEmpty();
        for (RuleCitation rule : knowledgeBase.rules()) {
            Edition edition = knowledgeBase.act(rule.actId()).edition(rule.edition());
            assertThat(normalized(textOf(edition.source()))).as("quote of rule \"%s\" in %s", rule.rule(), edition.source())
                    .contains(normalized(rule.quote()));
            if (edition.sourceKk() != null) {
                assertThat(rule.quoteKk()).as("Kazakh quote of rule \"%s\"", rule.rule()).isNotBlank();
                assertThat(normalized(textOf(edition.sourceKk()))).as("Kazakh quote of rule \"%s\"", rule.rule())
                        .contains(normalized(rule.quoteKk()));
            }
        }
    }

    @Test
    void everyRuleIsNamedAfterTheClauseItCites() {
        for (RuleCitation rule : knowledgeBase.rules()) {
            assertThat(rule.rule()).as("rule name").matches(java.util.regex.Pattern.quote(rule.clause()) + "([ :].+)?");
            assertThat(normalized(textOf(knowledgeBase.act(rule.actId()).edition(rule.edition()).source())))
                    .as("clause %s exists in the text", rule.clause()).contains(rule.clause());
        }
    }

    @Test
    void everyParameterQuotesItsClause() {
        for (Act act : knowledgeBase.acts()) {
            for (LegalParameter parameter : act.parameters()) {
                assertThat(parameter.value() != null || parameter.date() != null || parameter.monthDay() != null)
                        .as("parameter %s has a value or a date", parameter.name()).isTrue();
                Edition edition = act.editionInForce(parameter.validFrom());
                assertThat(normalized(textOf(edition.source()))).as("quote of parameter %s", parameter.name())
                        .contains(normalized(parameter.quote()));
                if (edition.sourceKk() != null) {
                    assertThat(normalized(textOf(edition.sourceKk()))).as("Kazakh quote of parameter %s", parameter.name())
                            .contains(normalized(parameter.quoteKk()));
                }
            }
        }
    }

    private String textOf(String source) {
        assertThat(source).as("source text of an encoded edition").isNotBlank();
        return texts.computeIfAbsent(source, file -> {
            // A text the knowledge base carries beside its act (the Civil Code articles), else an official text in shared/.
            var carried = knowledgeBase.sources().files().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("/" + file)).findFirst();
            if (carried.isPresent()) {
                return new String(carried.get().getValue(), java.nio.charset.StandardCharsets.UTF_8);
            }
            try {
                return Files.readString(KnowledgeBaseFixture.regulation(file));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** Quotes are compared as a reader sees them: line breaks and runs of spaces do not count. */
    private static String normalized(String text) {
        return text.replaceAll("(?U)\\s+", " ").trim();
    }
}
