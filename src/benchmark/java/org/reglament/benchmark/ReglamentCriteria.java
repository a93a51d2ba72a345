package org.reglament.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBaseCompiler;
import org.reglament.knowledgebase.KnowledgeBaseSourceStore;
import org.reglament.knowledgebase.KnowledgeBases;
import org.reglament.knowledgebase.RuleSources;
import org.reglament.log.CanonicalJson;
import org.reglament.matrix.ActionMatrix;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.CellRuling;
import org.reglament.matrix.ServiceDescription;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Reglament as its users get it, wired as the service wires it: the packaged knowledge base, the action-matrix
 * decision with its metrics (a Prometheus registry, as {@code /actuator/prometheus} has), the envelope with every
 * citation, and the canonical JSON the decision log digests and the answer is sent as.
 */
final class ReglamentCriteria {
    private final KnowledgeBase knowledgeBase;
    private final ActionMatrixDecisions decisions;
    private final CanonicalJson json = new CanonicalJson(new ObjectMapper());
    private final ObjectMapper reader = new ObjectMapper();

    ReglamentCriteria() {
        knowledgeBase = new KnowledgeBaseCompiler().compile(RuleSources.fromClasspath("rules"));
        decisions = new ActionMatrixDecisions(new KnowledgeBases(knowledgeBase,
                new StaticListableBeanFactory().getBeanProvider(KnowledgeBaseSourceStore.class)),
                new Envelopes(), new DecisionMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
    }

    /** The engine alone: the rules of the act in the edition in force, with the listener and filter that cite them. */
    Evaluation evaluate(ActionMatrixRequest request) {
        // The facts derive inserts (the service's and the readings the request chose, the defaults here), on the rules
        // derive runs.
        return knowledgeBase.evaluate(ActionMatrixDecisions.ACT, request.asOf(),
                List.of(request.service().toFacts(), request.readings()), ActionMatrixDecisions.NOT_DERIVED);
    }

    /** The decision as the API returns it: cells, reasons, citations, route, steps and envelope. */
    DecisionEnvelope<ActionMatrix> derive(ActionMatrixRequest request) {
        return decisions.derive(request);
    }

    /** The same, as the bytes that are digested and sent. */
    byte[] json(ActionMatrixRequest request) {
        return json.writeBytes(decisions.derive(request));
    }

    /** The engine's cells. */
    Criteria engine() {
        return service -> {
            String[] codes = new String[9];
            for (CellRuling ruling : evaluate(new ActionMatrixRequest(GeneratedServices.AS_OF, service)).all(CellRuling.class)) {
                codes[ruling.action() - 1] = ruling.value().code();
            }
            return codes;
        };
    }

    /** The decision's cells. */
    Criteria decision() {
        return service -> derive(new ActionMatrixRequest(GeneratedServices.AS_OF, service)).result().cells().stream()
                .map(cell -> cell.value().code()).toArray(String[]::new);
    }

    /** The cells of the answer's JSON, read back. */
    Criteria answer() {
        return service -> {
            try {
                JsonNode cells = reader.readTree(json(new ActionMatrixRequest(GeneratedServices.AS_OF, service)))
                        .path("result").path("cells");
                String[] codes = new String[cells.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = cells.get(i).path("value").asText();
                }
                return codes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static void checkAll(ReglamentCriteria reglament, List<ServiceDescription> services) {
        Criteria limit = new HandWrittenCriteria();
        Criteria.checkSame("Reglament's engine (KnowledgeBase.evaluate)", reglament.engine(), limit, services);
        Criteria.checkSame("Reglament's decision (ActionMatrixDecisions.derive)", reglament.decision(), limit, services);
        Criteria.checkSame("Reglament's answer (its canonical JSON)", reglament.answer(), limit, services);
    }
}
