package org.reglament.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.reglament.decision.DecisionEnvelope;
import org.reglament.decision.DecisionMetrics;
import org.reglament.decision.Envelopes;
import org.reglament.decision.LegalForceStated;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.Evaluation;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.knowledgebase.KnowledgeBases;
import org.springframework.stereotype.Service;

/**
 * The action-matrix decisions of the Kamchatka guidelines (section 3.1): derive the nine cells of a
 * service from its facts, or check a matrix an agency proposed. All legal content comes from the
 * rules; this class only runs them and arranges what they derived.
 */
@Service
public class ActionMatrixDecisions {
    public static final String ACT = "ru.kamchatka_guidelines";
    public static final String DERIVE = "action-matrix";
    public static final String CHECK = "action-matrix-check";
    static final int ACTIONS = 9;
    static final int FOLLOW_UP_STEPS = 6;

    private final KnowledgeBases knowledgeBases;
    private final Envelopes envelopes;
    private final DecisionMetrics metrics;

    public ActionMatrixDecisions(KnowledgeBases knowledgeBases, Envelopes envelopes, DecisionMetrics metrics) {
        this.knowledgeBases = knowledgeBases;
        this.envelopes = envelopes;
        this.metrics = metrics;
    }

    /** The step of the legal force the rules state for the nine actions of the matrix. */
    static final String NINE_ACTIONS = "nine-actions";

    /**
     * The guidelines' rule files about other questions: their rules need a deadline's or a timeline's question, a plan
     * of amendments or a submission of documents, which an action matrix never gives, so its KieBase leaves them out
     * (a third of the engine's time went through their network: docs/benchmarks.md, "Provenance for free"). The
     * check of a proposal keeps the proposal's rules, which derive leaves out too (they need a proposed cell).
     * {@code ActionMatrixRuleScopeTest} runs both decisions with and without the files on every combination of the
     * facts and readings and requires the same rules to fire.
     */
    public static final Set<String> NOT_ABOUT_A_MATRIX = Set.of("ru/kamchatka_guidelines/2-3.6-deadlines.drl",
            "ru/kamchatka_guidelines/2-plan-of-amendments.drl", "ru/kamchatka_guidelines/documents.drl");
    public static final Set<String> NOT_DERIVED = union(NOT_ABOUT_A_MATRIX, "ru/kamchatka_guidelines/3.1.2-proposal-check.drl");
    /**
     * What the nine cells and the explanatory note of 3.1.4.3 para. 2 do not depend on, besides {@link #NOT_DERIVED}:
     * the approval route (3.1.1–3.1.3), the follow-up steps (3.2–3.6) and the legal force (section 1, 3 para. 3–4) are
     * derived from the service beside the cells and read none of them. A registry's form has columns for the cells
     * alone (section 3.1), so its rows are decided without these rules: about half the firings of a derivation
     * (docs/benchmarks.md, "Registry files"). {@code MatrixCellsScopeTest} requires the same cells and note on every
     * combination of the facts, readings and dates.
     */
    public static final Set<String> NOT_ABOUT_THE_CELLS = union(NOT_DERIVED,
            "ru/kamchatka_guidelines/3.1.1-3.1.3-approval.drl", "ru/kamchatka_guidelines/3.2-3.6-follow-up.drl",
            "ru/kamchatka_guidelines/1-legal-force.drl");

    public DecisionEnvelope<ActionMatrix> derive(ActionMatrixRequest request) {
        return metrics.timed(DERIVE, () -> {
            Evaluation evaluation = knowledgeBases.get().evaluate(ACT, request.asOf(),
                    List.of(request.service().toFacts(), request.readings()), NOT_DERIVED);
            ActionMatrix matrix = new ActionMatrix(request.service(), cells(evaluation), explanatoryNote(evaluation),
                    approval(evaluation, request.service().category()), steps(evaluation),
                    envelopes.legalForce(evaluation, null), envelopes.ownLegalForce(evaluation, NINE_ACTIONS));
            return envelopes.wrap(DERIVE, evaluation, matrix);
        }, envelope -> "derived");
    }

    /**
     * The nine cells and the explanatory note of {@link #derive}, by the same rules of 3.1.4, without the route, the
     * steps, the legal force or an envelope: what a registry's form holds for a row ({@code org.reglament.registry}).
     * A caller that needs the decision as the API gives it (with its citations' envelope, to record or replay it)
     * uses {@link #derive}.
     */
    public MatrixCells cells(ActionMatrixRequest request) {
        return metrics.timed(DERIVE, () -> {
            Evaluation evaluation = knowledgeBases.get().evaluate(ACT, request.asOf(),
                    List.of(request.service().toFacts(), request.readings()), NOT_ABOUT_THE_CELLS);
            return new MatrixCells(cells(evaluation), explanatoryNote(evaluation));
        }, cells -> "derived");
    }

    /** A matrix's nine cells and its explanatory note (3.1.4.3 para. 2), as {@link ActionMatrix} has them. */
    public record MatrixCells(List<ActionMatrix.Cell> cells, ActionMatrix.ExplanatoryNote explanatoryNote) {
    }

    public DecisionEnvelope<MatrixCheck> check(MatrixCheckRequest request) {
        return metrics.timed(CHECK, () -> {
            List<Object> facts = new ArrayList<>();
            facts.add(request.service().toFacts());
            facts.add(request.readings());
            for (int action = 1; action <= ACTIONS; action++) {
                facts.add(new ProposedCell(action, request.proposal().value(action)));
            }
            facts.add(new ProposedMatrix(request.proposal().explanatoryNoteAttached()));
            Evaluation evaluation = knowledgeBases.get().evaluate(ACT, request.asOf(), facts, NOT_ABOUT_A_MATRIX);
            LegalForceStated force = envelopes.legalForce(evaluation, null);
            List<MatrixCheck.Breach> breaches = evaluation.all(Violation.class).stream()
                    .sorted(Comparator.comparing(Violation::action, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(Violation::rule))
                    .map(violation -> breach(evaluation, violation, force)).toList();
            List<MatrixCheck.ReferralToWorkingGroup> referrals = evaluation.all(Referral.class).stream()
                    .sorted(Comparator.comparingInt(Referral::action))
                    .map(referral -> {
                        var citation = envelopes.cite(evaluation, referral.criterionRule());
                        return new MatrixCheck.ReferralToWorkingGroup(referral.action(),
                                evaluation.act().name("actions", referral.action()), referral.proposed(), referral.why(),
                                referral.criterionRule(), citation.clause(), citation, referral.rule());
                    }).toList();
            MatrixCheck check = new MatrixCheck(request.service(), breaches.isEmpty() && referrals.isEmpty(), breaches,
                    cells(evaluation), explanatoryNote(evaluation), referrals, assessment(force, breaches, referrals),
                    force);
            return envelopes.wrap(CHECK, evaluation, check);
        }, envelope -> envelope.result().compliant() ? "compliant" : "non-compliant");
    }

    private List<ActionMatrix.Cell> cells(Evaluation evaluation) {
        List<CellRuling> byAction = exactlyOneEach(evaluation.all(CellRuling.class), CellRuling::action,
                ACTIONS, "cell");
        Act act = evaluation.act();
        List<ActionMatrix.Cell> cells = new ArrayList<>(ACTIONS);
        for (int action = 1; action <= ACTIONS; action++) {
            CellRuling ruling = byAction.get(action);
            var citation = envelopes.cite(evaluation, ruling.rule());
            cells.add(new ActionMatrix.Cell(action, act.name("actions", action), ruling.value(), ruling.allowed(),
                    ruling.followsAction(), ruling.why(), ruling.rule(), citation.clause(), citation, ruling.decidedBy()));
        }
        return cells;
    }

    private ActionMatrix.ExplanatoryNote explanatoryNote(Evaluation evaluation) {
        List<ExplanatoryNoteRequirement> requirements = evaluation.all(ExplanatoryNoteRequirement.class);
        if (requirements.isEmpty()) {
            return new ActionMatrix.ExplanatoryNote(false, null, null, null);
        }
        ExplanatoryNoteRequirement requirement = requirements.get(0);
        return new ActionMatrix.ExplanatoryNote(true, requirement.why(), requirement.rule(),
                envelopes.cite(evaluation, requirement.rule()));
    }

    private ActionMatrix.Approval approval(Evaluation evaluation, ServiceCategory category) {
        List<ApprovalRoute> routes = evaluation.all(ApprovalRoute.class);
        if (routes.size() != 1) {
            throw new IllegalStateException("the knowledge base gave " + routes.size() + " approval routes for "
                    + category + " on " + evaluation.asOf() + "; exactly one was expected");
        }
        ApprovalRoute route = routes.get(0);
        return new ActionMatrix.Approval(category, route.proposedBy(), route.agreedWith(), route.approvedBy(),
                route.note(), route.rule(), envelopes.cite(evaluation, route.rule()));
    }

    private List<ActionMatrix.Step> steps(Evaluation evaluation) {
        List<FollowUpStep> byStep = exactlyOneEach(evaluation.all(FollowUpStep.class), FollowUpStep::step,
                FOLLOW_UP_STEPS, "follow-up step");
        List<ActionMatrix.Step> steps = new ArrayList<>(FOLLOW_UP_STEPS);
        for (int number = 1; number <= FOLLOW_UP_STEPS; number++) {
            FollowUpStep step = byStep.get(number);
            steps.add(new ActionMatrix.Step(number, evaluation.act().name("followUpSteps", number),
                    step.applicability(), step.why(), step.rule(), envelopes.cite(evaluation, step.rule())));
        }
        return steps;
    }

    private MatrixCheck.Breach breach(Evaluation evaluation, Violation violation, LegalForceStated force) {
        var citation = envelopes.cite(evaluation, violation.criterionRule());
        String name = violation.action() == null ? null : evaluation.act().name("actions", violation.action());
        return new MatrixCheck.Breach(violation.action(), name, violation.proposed(), violation.expected(),
                violation.why(), violation.criterionRule(), citation.clause(), citation, violation.rule(),
                force == null ? null : force.departure());
    }

    /** What the check's result means, in the terms of the legal force the rules stated (section 1, 3.1.1). */
    private static String assessment(LegalForceStated force, List<MatrixCheck.Breach> breaches,
                                     List<MatrixCheck.ReferralToWorkingGroup> referrals) {
        if (force != null && force.force() == org.reglament.decision.LegalForce.Force.INFORMATION) {
            return breaches.isEmpty() ? "для сведения: с критериями 3.1.4 расхождений нет"
                    : "для сведения: с критериями 3.1.4 расходится значений — " + breaches.size();
        }
        if (!breaches.isEmpty()) {
            return "не соответствует рекомендациям: отступлений — " + breaches.size()
                    + (referrals.isEmpty() ? "" : "; на рассмотрение Рабочей группы — " + referrals.size());
        }
        return referrals.isEmpty() ? "соответствует рекомендациям"
                : "требует рассмотрения Рабочей группой: значений — " + referrals.size();
    }

    private static Set<String> union(Set<String> files, String... more) {
        Set<String> all = new HashSet<>(files);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /**
     * The rules must rate every action (or step) exactly once on every date an edition is in force; a gap
     * or a conflict is a defect of the knowledge base, never something to paper over in an answer.
     */
    private static <T> List<T> exactlyOneEach(List<T> derived, ToIntFunction<T> number, int count, String what) {
        // By number, 1 to count (an array: this runs for every answer); the first of each where there are several.
        List<T> byNumber = new ArrayList<>(Collections.nCopies(count + 1, null));
        int[] found = new int[count + 1];
        for (T each : derived) {
            int i = number.applyAsInt(each);
            if (i >= 1 && i <= count) {
                found[i]++;
                if (byNumber.get(i) == null) {
                    byNumber.set(i, each);
                }
            }
        }
        for (int i = 1; i <= count; i++) {
            if (found[i] != 1) {
                throw new IllegalStateException("the knowledge base rated " + what + " " + i + " " + found[i]
                        + " times; exactly once was expected");
            }
        }
        return byNumber;
    }
}
