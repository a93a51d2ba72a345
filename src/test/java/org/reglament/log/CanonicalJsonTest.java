package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.reglament.completeness.CompletenessDecisions;
import org.reglament.completeness.CompletenessRequest;
import org.reglament.decision.Citation;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.Language;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheckRequest;
import org.reglament.matrix.MatrixProposal;
import org.reglament.matrix.ServiceCategory;
import org.reglament.matrix.ServiceDescription;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The canonical text of an answer is what digests, receipts and replays compare: writing the parts that recur across
 * answers from bytes kept once must give exactly what writing every value out gives, the first time and every time
 * after, as text and as bytes, in either language order.
 */
class CanonicalJsonTest {
    private final KnowledgeBases knowledgeBases = new KnowledgeBases(KnowledgeBaseFixture.knowledgeBase(),
            new StaticListableBeanFactory().getBeanProvider(KnowledgeBaseSourceStore.class));
    private final Envelopes envelopes = new Envelopes();
    private final DecisionMetrics metrics = new DecisionMetrics(new SimpleMeterRegistry());
    private final CanonicalJson json = new CanonicalJson(new ObjectMapper());
    private final ObjectMapper everyValue = CanonicalJson.canonical().build();

    @Test
    void answersWithRecurringPartsAreWrittenAsEveryValueWrittenOut() throws Exception {
        List<DecisionEnvelope<?>> answers = new ArrayList<>();
        ActionMatrixDecisions matrix = new ActionMatrixDecisions(knowledgeBases, envelopes, metrics);
        ServiceCategory[] categories = ServiceCategory.values();
        for (int i = 0; i < 32; i++) {
            ServiceDescription service = new ServiceDescription("4100000000" + i, "Услуга " + i, null, "Орган",
                    categories[i % categories.length], 90 + i, i % 2 == 0, i % 3 == 0, i % 5 == 0, i % 7 == 0);
            answers.add(matrix.derive(new ActionMatrixRequest(LocalDate.of(2018, 10, 1), service)));
            answers.add(matrix.check(new MatrixCheckRequest(LocalDate.of(2018, 10, 1), service,
                    new MatrixProposal(List.of("1", "0", "1", "-", "1", "0", "1", "1", "-"), i % 2 == 0))));
        }
        CompletenessDecisions completeness = new CompletenessDecisions(knowledgeBases, envelopes, metrics);
        for (Language language : Language.values()) {
            answers.add(completeness.check(new CompletenessRequest(LocalDate.of(2021, 5, 1), "kz.order_133", "materials",
                    List.of("business-processes"), null, null, null, language, null, null, null, null)));
        }

        for (int pass = 0; pass < 2; pass++) {
            for (DecisionEnvelope<?> answer : answers) {
                byte[] expected = everyValue.writeValueAsBytes(answer);
                assertThat(json.writeBytes(answer)).as("pass %d, %s", pass, answer.decision()).isEqualTo(expected);
                assertThat(json.write(answer)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
            }
        }
        assertThat(new String(json.writeBytes(answers.get(answers.size() - 1)), StandardCharsets.UTF_8))
                .as("the Kazakh quote first").contains("\"quotes\":[{\"language\":\"kk\"");
    }

    /**
     * Values are looked for by identity first: an equal value that is another object, and thousands of different values
     * (more than the identity cache has slots, so that slots are taken over), still give what writing them out gives.
     */
    @Test
    void valuesAreWrittenAsThemselvesWhetherSeenBeforeAsTheSameObjectAnEqualOneOrNeither() throws Exception {
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            citations.add(new Citation("Акт " + i, "act." + i, "ред. " + i, "п. " + i, "Цитата " + i,
                    i % 2 == 0 ? null : List.of(new Citation.Quote("ru", "Цитата " + i), new Citation.Quote("kk", "Дәйексөз " + i)),
                    null));
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < citations.size(); i++) {
                Citation citation = pass == 1 ? new Citation(citations.get(i).act(), citations.get(i).actId(),
                        citations.get(i).edition(), citations.get(i).clause(), citations.get(i).quote(),
                        citations.get(i).quotes(), citations.get(i).paraphrase()) : citations.get(i);
                assertThat(json.writeBytes(citation)).as("pass %d, citation %d", pass, i)
                        .isEqualTo(everyValue.writeValueAsBytes(citation));
            }
        }
    }

    /** A receipt's registry id is read from the canonical request as the request's tree reads it, whatever is there. */
    @Test
    void aFieldOfAnObjectIsReadAsTheTreeReadsIt() {
        for (String request : List.of("{\"asOf\":\"2018-10-01\",\"service\":{\"category\":\"REGIONAL\",\"registryId\":\"41000000000001\"}}",
                "{\"a\":[{\"service\":{\"registryId\":\"inner\"}}],\"service\":{\"name\":{\"registryId\":\"deeper\"},\"registryId\":\"Ид\\u00e9\\\"\"}}",
                "{\"service\":{\"registryId\":41000000000001}}", "{\"service\":{\"registryId\":1.5E+3}}",
                "{\"service\":{\"registryId\":true}}", "{\"service\":{\"registryId\":{\"x\":1}}}",
                "{\"service\":{\"registryId\":[1]}}", "{\"service\":{\"name\":\"x\"}}", "{\"service\":\"41\"}",
                "{\"service\":[{\"registryId\":\"41\"}]}", "{\"plan\":{\"registryId\":\"41\"}}", "{}", "[]", "\"41\"")) {
            assertThat(json.textAt(request, "service", "registryId")).as(request)
                    .isEqualTo(json.tree(request).path("service").path("registryId").asText(null));
        }
    }
}
