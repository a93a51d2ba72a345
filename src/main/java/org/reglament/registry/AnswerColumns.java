package org.reglament.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.reglament.decision.DecisionEnvelope;
import org.reglament.matrix.ActionMatrix;
import org.reglament.matrix.ActionMatrixDecisions;
import org.reglament.matrix.CellValue;
import org.reglament.matrix.MatrixCheck;

/**
 * The columns a batch adds to each row, and how a decision fills them. A row's answer is a list of cells in one order
 * whatever the output format:
 * <ul>
 * <li>derive: the nine values; per action its rule, clause and, for a value other than «1», the reason; the
 * explanatory note of 3.1.4.3 abz. 2; the row's errors.</li>
 * <li>check: the nine values the criteria allow; per action rule, clause, reason; whether the proposal complies;
 * every breach with its clause; every proposed value for the Working Group (3.1.4.3 para. 3); the row's errors.</li>
 * </ul>
 * Where a derived registry already has the form's 1*–9* columns, the values go into them; otherwise they are added.
 */
final class AnswerColumns {
    static final String DISCRETIONARY = "на усмотрение";
    /** The value cell of a choice, by the text of its allowed values. */
    private static final java.util.Map<String, String> DISCRETIONARY_VALUES =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The check's columns. The guidelines are recommendations (section 1: «носят рекомендательный характер»): a
     * proposal that departs from 3.1.4 «не соответствует рекомендациям», it breaks no law; the assessment says so, or,
     * for a priority service whose matrix the Subcommittee approved (3.1.1), that the comparison is for information.
     */
    static final String COMPLIES = "Соответствует рекомендациям (3.1.4)";
    static final String DEPARTURES = "Отступления от рекомендаций";
    static final String ASSESSMENT = "Оценка (раздел 1)";
    /** The check's column of proposed values that only the Working Group can accept (3.1.4.3 para. 3). */
    static final String WORKING_GROUP = "На рассмотрение Рабочей группы (3.1.4.3 абз. 3)";
    /** «Соответствует критериям» of a proposal without a breach whose values the Working Group must consider. */
    static final String FOR_THE_WORKING_GROUP = "решает Рабочая группа";
    private static final List<String> DERIVE_NAMES = made(RegistryMode.DERIVE);
    private static final List<String> CHECK_NAMES = made(RegistryMode.CHECK);

    private final RegistryMode mode;
    private final RegistryHeader header;
    private final int inputWidth;
    /** Where each answer cell goes: its output column. */
    private final int[] placement;
    private final List<String> outputHeader;

    AnswerColumns(RegistryHeader header, RegistryMode mode) {
        this.mode = mode;
        this.header = header;
        this.inputWidth = header.labels().size();
        List<String> names = names(mode);
        List<String> out = new ArrayList<>(header.labels());
        placement = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            Integer existing = mode == RegistryMode.DERIVE && i < 9 ? header.position(Column.action(i + 1)) : null;
            if (existing != null) {
                placement[i] = existing;
            } else {
                placement[i] = out.size();
                out.add(names.get(i));
            }
        }
        outputHeader = List.copyOf(out);
    }

    /** The answer's column names, in the order of its cells (made once per mode: every row asks for their count). */
    static List<String> names(RegistryMode mode) {
        return mode == RegistryMode.DERIVE ? DERIVE_NAMES : CHECK_NAMES;
    }

    private static List<String> made(RegistryMode mode) {
        List<String> names = new ArrayList<>();
        for (int action = 1; action <= 9; action++) {
            names.add(mode == RegistryMode.DERIVE ? action + "*" : action + "* по критерию");
        }
        for (int action = 1; action <= 9; action++) {
            names.add(action + "* правило");
            names.add(action + "* пункт");
            names.add(action + "* причина");
        }
        if (mode == RegistryMode.DERIVE) {
            names.add("Пояснительная записка (3.1.4.3 абз. 2)");
        } else {
            names.add(COMPLIES);
            names.add(DEPARTURES);
            names.add(WORKING_GROUP);
            names.add(ASSESSMENT);
        }
        names.add("Ошибки");
        return List.copyOf(names);
    }

    List<String> outputHeader() {
        return outputHeader;
    }

    int inputWidth() {
        return inputWidth;
    }

    /** The row as it goes out: its own cells (padded to the header), with the answer's cells in their columns. */
    List<String> outputRow(List<String> input, List<String> answer) {
        String[] row = new String[Math.max(outputHeader.size(), input.size())];
        Arrays.fill(row, "");
        for (int c = 0; c < input.size(); c++) {
            row[c] = input.get(c);
        }
        if (answer != null) {
            for (int i = 0; i < answer.size(); i++) {
                row[placement[i]] = answer.get(i);
            }
        }
        return Arrays.asList(row);
    }

    /** The answer's cells for a decided service, without its errors cell. */
    List<String> cells(DecisionEnvelope<?> envelope) {
        if (envelope.result() instanceof MatrixCheck check) {
            List<String> cells = matrix(check.criteria());
            cells.add(check.compliant() ? "да" : check.violations().isEmpty() ? FOR_THE_WORKING_GROUP : "нет");
            cells.add(check.violations().stream().map(AnswerColumns::breach).collect(Collectors.joining("; ")));
            cells.add(check.referrals().stream().map(AnswerColumns::referral).collect(Collectors.joining("; ")));
            cells.add(check.assessment() == null ? "" : check.assessment());
            return cells;
        }
        ActionMatrix matrix = (ActionMatrix) envelope.result();
        return derived(matrix.cells(), matrix.explanatoryNote());
    }

    /** The same for a derived row decided without an envelope ({@link ActionMatrixDecisions#cells}). */
    List<String> cells(ActionMatrixDecisions.MatrixCells derived) {
        return derived(derived.cells(), derived.explanatoryNote());
    }

    private List<String> derived(List<ActionMatrix.Cell> matrix, ActionMatrix.ExplanatoryNote note) {
        List<String> cells = matrix(matrix);
        cells.add(note.required() ? "требуется по правилу «" + note.rule() + "»: " + note.why() : "не требуется");
        return cells;
    }

    /** The nine values, then per action its rule, clause and the reason of a value other than «1». */
    private List<String> matrix(List<ActionMatrix.Cell> matrix) {
        List<String> cells = new ArrayList<>(names(mode).size());
        for (ActionMatrix.Cell cell : matrix) {
            cells.add(value(cell));
        }
        for (ActionMatrix.Cell cell : matrix) {
            cells.add(cell.rule());
            cells.add(cell.clause());
            cells.add(cell.value() == CellValue.ONE || cell.why() == null ? "" : cell.why());
        }
        return cells;
    }

    /** The answer of a row that could not be decided: its errors only. */
    List<String> errorsOnly(List<RowProblem> problems) {
        List<String> cells = new ArrayList<>(Collections.nCopies(names(mode).size() - 1, ""));
        cells.add(problems.stream().map(RowProblem::toString).collect(Collectors.joining("; ")));
        return cells;
    }

    static String value(ActionMatrix.Cell cell) {
        // One text per set of allowed values, the same object in every row (CellValue.describe says why).
        return cell.value() == CellValue.DISCRETIONARY
                ? DISCRETIONARY_VALUES.computeIfAbsent(CellValue.describe(cell.allowed()),
                        allowed -> DISCRETIONARY + " (" + allowed + ")")
                : cell.value().code();
    }

    static String breach(MatrixCheck.Breach breach) {
        String what = breach.action() == null ? "матрица" : "действие " + breach.action() + ": предложено «"
                + breach.proposed().code() + "», допустимо " + CellValue.describe(breach.expected());
        return what + " — по правилу «" + breach.rule() + "» (" + breach.why() + ")";
    }

    static String referral(MatrixCheck.ReferralToWorkingGroup referral) {
        return "действие " + referral.action() + ": предложено «" + referral.proposed().code() + "» — по правилу «"
                + referral.rule() + "» (" + referral.why() + ")";
    }

    RegistryHeader header() {
        return header;
    }
}
