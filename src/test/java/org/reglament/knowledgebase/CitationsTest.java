package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * Citations are data the service returns to lawyers: each must name a clause of the text of the edition it cites
 * (the text the knowledge base carries, {@link ActTexts}), and quote that clause. Every check collects all that fail,
 * so a report names each citation to fix.
 */
class CitationsTest {
    private final KnowledgeBase knowledgeBase = KnowledgeBaseFixture.knowledgeBase();
    private final ActTexts texts = knowledgeBase.texts();

    @Test
    void everyRuleQuotesTheTextOfTheEditionItCites() {
        assertThat(knowledgeBase.rules()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (RuleCitation rule : knowledgeBase.rules()) {
            quoted(problems, "rule \"" + rule.rule() + "\"", text(rule, "ru"), rule.quote());
            if (edition(rule).sourceKk() != null) {
                quoted(problems, "rule \"" + rule.rule() + "\" (Kazakh)", text(rule, "kk"), rule.quoteKk());
            }
        }
        assertThat(problems).as("quotes not in the text they cite").isEmpty();
    }

    @Test
    void everyRuleIsNamedAfterTheClauseItCites() {
        for (RuleCitation rule : knowledgeBase.rules()) {
            assertThat(rule.rule()).as("rule name").matches(java.util.regex.Pattern.quote(rule.clause()) + "([ :].+)?");
        }
    }

    @Test
    void everyRuleCitesAClauseOfItsTextAndQuotesThatClause() {
        List<String> problems = new ArrayList<>();
        for (RuleCitation rule : knowledgeBase.rules()) {
            String who = "rule \"" + rule.rule() + "\"";
            inClause(problems, who, text(rule, "ru"), rule.clause(), rule.quote());
            if (edition(rule).sourceKk() != null) {
                inClause(problems, who + " (Kazakh)", text(rule, "kk"), rule.clause(), rule.quoteKk());
            }
        }
        assertThat(problems).as("citations whose clause is not in the text, or does not hold the quote").isEmpty();
    }

    /** "3.1.4.3 абз. 2", "3.6.6 п. 3", "Приложение 1 раздел 4: …": a rule named after a part of its clause quotes it. */
    @Test
    void aRuleNamedAfterAParagraphOrSubPointQuotesThatPart() {
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (RuleCitation rule : knowledgeBase.rules()) {
            ActText text = text(rule, "ru");
            Optional<Clause> part = ClauseRegister.finestClauseNaming(text, rule.rule());
            if (part.isPresent() && !part.get().id().equals(rule.clause())) {
                named++;
                inClause(problems, "rule \"" + rule.rule() + "\"", text, part.get().id(), rule.quote());
            }
        }
        assertThat(named).as("rules named after a paragraph or sub-point").isGreaterThan(20);
        assertThat(problems).as("rules that do not quote the part they are named after").isEmpty();
    }

    /**
     * A rule that names the condition its {@code when} tests ({@code @condition}) quotes the words of that condition:
     * a quote that stops before «без необходимости очного предоставления оригиналов» cites a different rule.
     */
    @Test
    void aRuleNamingItsConditionQuotesTheWordsOfIt() {
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (RuleCitation rule : knowledgeBase.rules()) {
            if (rule.condition() == null) {
                continue;
            }
            named++;
            String quote = ActText.normalized(rule.quote());
            for (String words : rule.condition().split(" … ")) {
                if (!quote.contains(ActText.normalized(words))) {
                    problems.add("rule \"" + rule.rule() + "\": its quote lacks the words of its condition «" + words + "»");
                }
            }
        }
        assertThat(named).as("rules naming their condition").isGreaterThan(20);
        assertThat(problems).isEmpty();
        // The conditions the first reading's quotes dropped.
        assertThat(knowledgeBase.citation("ru.kamchatka_guidelines", "3.1.4.3 абз. 1").condition())
                .contains("без необходимости очного предоставления оригиналов");
        assertThat(knowledgeBase.citation("ru.kamchatka_guidelines", "3.1.4.2 личный приём в органе").condition())
                .contains("(не в МФЦ)");
    }

    /**
     * A reading a request can choose names its parameter and value, its interpretation and the other reading; and the
     * other reading is encoded too, by a rule that names it as its own ({@code @reading}), not only described.
     */
    @Test
    void everySelectableReadingHasItsAlternativeEncoded() {
        java.util.Set<String> readings = new java.util.HashSet<>();
        knowledgeBase.rules().stream().filter(r -> r.reading() != null).forEach(r -> readings.add(r.reading()));
        List<String> problems = new ArrayList<>();
        for (RuleCitation rule : knowledgeBase.rules()) {
            if (rule.reading() == null && rule.alternative() == null) {
                continue;
            }
            String who = "rule \"" + rule.rule() + "\"";
            if (rule.reading() == null || !rule.reading().matches("[a-zA-Z]+=[a-z-]+")) {
                problems.add(who + ": @reading must be parameter=value, is " + rule.reading());
                continue;
            }
            if (rule.interpretation() == null) {
                problems.add(who + " names a reading but not its interpretation");
            }
            String parameter = rule.reading().substring(0, rule.reading().indexOf('='));
            if (rule.alternative() == null || !rule.alternative().matches(java.util.regex.Pattern.quote(parameter) + "=[a-z-]+: .+")) {
                problems.add(who + ": @alternative must be " + parameter + "=value: what it says, is " + rule.alternative());
                continue;
            }
            String other = rule.alternative().substring(0, rule.alternative().indexOf(':'));
            if (other.equals(rule.reading()) || !readings.contains(other)) {
                problems.add(who + ": the alternative " + other + " is encoded by no rule");
            }
        }
        assertThat(readings).as("selectable readings").hasSizeGreaterThanOrEqualTo(14);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyParameterQuotesItsClause() {
        List<String> problems = new ArrayList<>();
        for (Act act : knowledgeBase.acts()) {
            for (LegalParameter parameter : act.parameters()) {
                assertThat(parameter.value() != null || parameter.date() != null || parameter.monthDay() != null)
                        .as("parameter %s has a value or a date", parameter.name()).isTrue();
                Edition edition = act.editionInForce(parameter.validFrom());
                String who = "parameter " + act.id() + " " + parameter.name();
                inClause(problems, who, texts.text(act.id(), edition.edition(), "ru").orElseThrow(),
                        parameter.clause(), parameter.quote());
                if (edition.sourceKk() != null) {
                    inClause(problems, who + " (Kazakh)", texts.text(act.id(), edition.edition(), "kk").orElseThrow(),
                            parameter.clause(), parameter.quoteKk());
                }
            }
        }
        assertThat(problems).as("parameters whose clause is not in the text, or does not hold the quote").isEmpty();
    }

    /** The parts of the documents the completeness checks require are quoted from the clause each document names. */
    @Test
    void everyRequiredPartOfADocumentQuotesTheClauseOfItsDocument() throws IOException {
        List<String> problems = new ArrayList<>();
        int parts = 0;
        for (Map.Entry<String, byte[]> file : knowledgeBase.sources().files().entrySet()) {
            if (!file.getKey().endsWith("/documents.yaml")) {
                continue;
            }
            Act act = actInFolder(file.getKey());
            Edition edition = act.editions().stream().filter(Edition::encoded).reduce((a, b) -> b).orElseThrow();
            ActText ru = texts.text(act.id(), edition.edition(), "ru").orElseThrow();
            Optional<ActText> kk = texts.text(act.id(), edition.edition(), "kk");
            for (Map.Entry<String, JsonNode> document : iterable(yaml(file.getValue()).path("documents"))) {
                String clause = document.getValue().path("clause").asText();
                for (JsonNode part : document.getValue().path("parts")) {
                    parts++;
                    String who = act.id() + " " + document.getKey() + " part " + part.path("id").asText();
                    if (part.hasNonNull("quote")) {
                        inClause(problems, who, ru, clause, part.path("quote").asText());
                    } else {
                        assertThat(part.path("quoteMissing").asText()).as("%s says why it has no quote", who).isNotBlank();
                    }
                    if (kk.isPresent()) {
                        inClause(problems, who + " (Kazakh)", kk.get(), clause, part.path("quoteKk").asText());
                    }
                }
            }
        }
        assertThat(parts).as("parts of the documents").isGreaterThan(50);
        assertThat(problems).as("document parts not quoted from their document's clause").isEmpty();
    }

    /** Every item of the Smolensk plan is a clause of the text, and its term is quoted from that row. */
    @Test
    void everyPlanItemIsARowOfThePlanAndQuotesItsTerm() throws IOException {
        Act act = knowledgeBase.act("ru.smolensk_order_451");
        ActText text = texts.text(act.id(), "2016", "ru").orElseThrow();
        JsonNode plan = yaml(knowledgeBase.sources().files().get("ru/smolensk_order_451/plan.yaml"));
        List<String> problems = new ArrayList<>();
        for (JsonNode item : plan.path("items")) {
            String who = "plan item " + item.path("item").asText();
            inClause(problems, who + " (title)", text, item.path("item").asText(), item.path("title").asText());
            for (String column : List.of("term", "proof", "responsible", "result")) {
                if (item.hasNonNull(column)) {
                    inClause(problems, who + " (" + column + ")", text, item.path("item").asText(), item.path(column).asText());
                }
            }
            assertThat(item.hasNonNull("responsible")).as("%s names its responsible executor", who).isTrue();
        }
        assertThat(plan.path("items").size()).isEqualTo(26);
        assertThat(problems).isEmpty();
    }

    private static void quoted(List<String> problems, String who, ActText text, String quote) {
        if (quote == null || quote.isBlank()) {
            problems.add(who + " has no quote of " + text);
        } else if (!ActText.normalized(text.content()).contains(ActText.normalized(quote))) {
            problems.add(who + ": «" + quote + "» is not in " + text);
        }
    }

    private static void inClause(List<String> problems, String who, ActText text, String id, String quote) {
        Optional<Clause> clause = text.clause(id);
        if (clause.isEmpty()) {
            problems.add(who + ": \"" + id + "\" is no clause of " + text);
        } else if (quote == null || quote.isBlank()) {
            problems.add(who + " has no quote of " + text);
        } else if (!clause.get().normalizedText().contains(ActText.normalized(quote))) {
            problems.add(who + ": «" + quote + "» is not in clause \"" + id + "\" of " + text + " but in "
                    + text.clausesQuoting(quote).stream().map(Clause::id).toList());
        }
    }

    private ActText text(RuleCitation rule, String language) {
        return texts.text(rule.actId(), rule.edition(), language).orElseThrow(() -> new AssertionError(
                "edition " + rule.edition() + " of " + rule.actId() + " has no " + language + " text in rules/"));
    }

    private Edition edition(RuleCitation rule) {
        return knowledgeBase.act(rule.actId()).edition(rule.edition());
    }

    private Act actInFolder(String path) throws IOException {
        String folder = path.substring(0, path.lastIndexOf('/'));
        String id = yaml(knowledgeBase.sources().files().get(folder + "/act.yaml")).path("id").asText();
        return knowledgeBase.act(id);
    }

    private static JsonNode yaml(byte[] content) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(content);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
