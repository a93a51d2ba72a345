package org.reglament.amendments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reglament.completeness.CompletenessDecisions;
import org.reglament.completeness.DocumentsData;
import org.reglament.completeness.MissingPart;
import org.reglament.completeness.RequiredPart;
import org.reglament.completeness.Submission;
import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.LegalForceStated;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/**
 * Checks a plan of amendments to administrative regulations against section 2 of the Kamchatka guidelines. The
 * recommended form's columns are the parts of the document {@code amendment-plan} in the act's documents.yaml;
 * the rules say what is missing and which rows depart from the section.
 */
@Service
public class AmendmentPlanDecisions {
    public static final String ACT = "ru.kamchatka_guidelines";
    public static final String DECISION = "plan-of-amendments-check";
    static final String DOCUMENT = "amendment-plan";

    private final KnowledgeBases knowledgeBases;
    private final CompletenessDecisions completeness;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;

    public AmendmentPlanDecisions(KnowledgeBases knowledgeBases, CompletenessDecisions completeness, Envelopes envelopes,
                                  DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.completeness = completeness;
        this.envelopes = envelopes;
        this.metrics = metrics;
    }

    public DecisionEnvelope<AmendmentPlanCheck> check(AmendmentPlanRequest request) {
        return metrics.timed(DECISION, () -> {
            DocumentsData.Document form = completeness.documents().get(ACT).documents().get(DOCUMENT);
            AmendmentPlanRequest.Plan plan = request.plan();
            List<Object> facts = new ArrayList<>();
            facts.add(new AmendmentPlan(plan.author(), plan.approvedByOrder(), plan.level()));
            form.parts().forEach(part -> facts.add(new RequiredPart(DOCUMENT, part.id(), part.optional())));
            facts.add(new Submission(DOCUMENT, columnsPresent(form, plan.columns()), null, null, null));
            for (int i = 0; i < plan.rows().size(); i++) {
                AmendmentPlanRequest.Row row = plan.rows().get(i);
                facts.add(new AmendmentPlanRow(i + 1, row.number(), row.service(), row.term(), row.applicationsPerYear()));
            }
            Evaluation evaluation = knowledgeBases.get().evaluate(ACT, request.asOf(), facts);
            List<PlanApproval> approvals = evaluation.all(PlanApproval.class);
            if (approvals.size() != 1) {
                throw new IllegalStateException("the knowledge base gave " + approvals.size()
                        + " approval routes for a plan of amendments; exactly one was expected");
            }
            PlanApproval approval = approvals.get(0);
            Map<String, String> names = new HashMap<>();
            form.parts().forEach(part -> names.put(part.id(), part.quote()));
            List<AmendmentPlanCheck.MissingColumn> missing = evaluation.all(MissingPart.class).stream()
                    .filter(m -> m.document().equals(DOCUMENT))
                    .sorted(Comparator.comparingInt(m -> order(form, m.id())))
                    .map(m -> new AmendmentPlanCheck.MissingColumn(m.id(), names.get(m.id()), m.rule(),
                            envelopes.cite(evaluation, m.rule())))
                    .toList();
            List<AmendmentPlanCheck.Finding> findings = evaluation.all(PlanFinding.class).stream()
                    .sorted(Comparator.comparing(PlanFinding::row, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(PlanFinding::rule).thenComparing(PlanFinding::why))
                    .map(f -> {
                        var citation = envelopes.cite(evaluation, f.rule());
                        return new AmendmentPlanCheck.Finding(f.row(), f.row() == null ? null
                                : plan.rows().get(f.row() - 1).service(), f.column(), f.why(), f.rule(),
                                citation.clause(), citation);
                    })
                    .toList();
            boolean follows = missing.isEmpty() && findings.isEmpty();
            LegalForceStated force = envelopes.legalForce(evaluation, null);
            String assessment = follows ? "соответствует рекомендациям раздела 2"
                    : (force == null ? "не соответствует рекомендациям" : force.departure()) + " раздела 2: отступлений " + (missing.size() + findings.size());
            return envelopes.wrap(DECISION, evaluation, new AmendmentPlanCheck(follows, assessment,
                    new AmendmentPlanCheck.Approval(approval.approvedBy(), approval.note(), approval.rule(),
                            envelopes.cite(evaluation, approval.rule())), missing, findings, force));
        }, envelope -> envelope.result().followsRecommendations() ? "follows" : "departs");
    }

    /**
     * The recommended form's columns (section 2 para. 4), by id — number, service, agency, regulation, term,
     * responsible — with their official headers, in the form's order: the act's documents.yaml, as the check reads it.
     */
    public Map<String, String> formColumns() {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        completeness.documents().get(ACT).documents().get(DOCUMENT).parts()
                .forEach(part -> columns.put(part.id(), part.quote()));
        return columns;
    }

    /** The form's columns the plan's headers name: a header is the column whose official name it spells. */
    private static Set<String> columnsPresent(DocumentsData.Document form, List<String> headers) {
        Set<String> given = new HashSet<>();
        headers.forEach(header -> given.add(spelling(header)));
        Set<String> present = new HashSet<>();
        for (DocumentsData.Part part : form.parts()) {
            if (given.contains(spelling(part.quote()))) {
                present.add(part.id());
            }
        }
        return present;
    }

    /** How a header is compared: case, runs of spaces and «ё» do not matter. */
    private static String spelling(String header) {
        return header.replaceAll("(?U)\\s+", " ").trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static int order(DocumentsData.Document form, String id) {
        for (int i = 0; i < form.parts().size(); i++) {
            if (form.parts().get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
