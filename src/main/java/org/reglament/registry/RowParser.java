package org.reglament.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.reglament.matrix.MatrixProposal;
import org.reglament.matrix.ServiceCategory;
import org.reglament.matrix.ServiceDescription;

/**
 * Reads one registry row into the facts the JSON endpoint takes ({@link ServiceDescription}, and for a check the
 * {@link MatrixProposal}), validated with the same constraints. Nothing is guessed: an empty fact, «много» for a
 * number or «федеральная» for a category is a problem of the row, named by its column.
 */
final class RowParser {
    private static final Map<String, ServiceCategory> CATEGORIES = Map.ofEntries(
            Map.entry("региональная", ServiceCategory.REGIONAL),
            Map.entry("региональная государственная", ServiceCategory.REGIONAL),
            Map.entry("государственная", ServiceCategory.REGIONAL),
            Map.entry("regional", ServiceCategory.REGIONAL),
            Map.entry("муниципальная", ServiceCategory.MUNICIPAL),
            Map.entry("нетиповая муниципальная", ServiceCategory.MUNICIPAL),
            Map.entry("муниципальная нетиповая", ServiceCategory.MUNICIPAL),
            Map.entry("municipal", ServiceCategory.MUNICIPAL),
            Map.entry("типовая муниципальная", ServiceCategory.TYPICAL_MUNICIPAL),
            Map.entry("муниципальная типовая", ServiceCategory.TYPICAL_MUNICIPAL),
            Map.entry("типовая", ServiceCategory.TYPICAL_MUNICIPAL),
            Map.entry("typical_municipal", ServiceCategory.TYPICAL_MUNICIPAL),
            Map.entry("приоритетная", ServiceCategory.PRIORITY),
            Map.entry("priority", ServiceCategory.PRIORITY));
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("да", true), Map.entry("д", true), Map.entry("есть", true), Map.entry("истина", true),
            Map.entry("yes", true), Map.entry("y", true), Map.entry("true", true), Map.entry("1", true),
            Map.entry("нет", false), Map.entry("н", false), Map.entry("ложь", false),
            Map.entry("no", false), Map.entry("n", false), Map.entry("false", false), Map.entry("0", false));
    /** «… услуга» after a category: «региональная услуга» is «региональная». */
    private static final Pattern SERVICE_SUFFIX = Pattern.compile(" услуга$");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)");
    private static final Pattern THOUSANDS = Pattern.compile("-?[1-9]\\d{0,2}([ \u00A0\u202F]\\d{3})+");
    /** JSON field of ServiceDescription → the column it is read from, to name a constraint's column. */
    private static final Map<String, Column> FIELDS = Map.of(
            "registryId", Column.REGISTRY_ID, "name", Column.NAME, "subservice", Column.SUBSERVICE,
            "agency", Column.AGENCY, "category", Column.CATEGORY, "applicationsPerYear", Column.APPLICATIONS,
            "electronicWithoutOriginals", Column.WITHOUT_ORIGINALS,
            "inPersonReceptionAtAgency", Column.IN_PERSON_RECEPTION, "feeOrPayment", Column.FEE_OR_PAYMENT,
            "providedViaMfc", Column.VIA_MFC);

    /** One row read: the facts, or the problems that keep it from being decided. */
    record ParsedRow(ServiceDescription service, MatrixProposal proposal, List<RowProblem> problems) {
        boolean decidable() {
            return problems.isEmpty();
        }
    }

    /** The constraints of {@link ServiceDescription}, read once, so that a row that certainly meets them skips the validator. */
    private static final ConstraintPrecheck<ServiceDescription> PRECHECK =
            ConstraintPrecheck.of(ServiceDescription.class);

    private final RegistryHeader header;
    private final RegistryMode mode;
    /** Asked for only when a row may break a constraint: a command line whose rows all pass never builds one. */
    private final Supplier<Validator> validator;

    RowParser(RegistryHeader header, RegistryMode mode, Supplier<Validator> validator) {
        this.header = header;
        this.mode = mode;
        this.validator = validator;
    }

    ParsedRow parse(List<String> cells) {
        List<RowProblem> problems = new ArrayList<>();
        String registryId = text(cells, Column.REGISTRY_ID);
        String name = text(cells, Column.NAME);
        String subservice = text(cells, Column.SUBSERVICE);
        String agency = text(cells, Column.AGENCY);
        ServiceCategory category = category(cells, problems);
        Integer applications = applications(cells, problems);
        Boolean withoutOriginals = yesNo(cells, Column.WITHOUT_ORIGINALS, problems);
        Boolean reception = yesNo(cells, Column.IN_PERSON_RECEPTION, problems);
        Boolean fee = yesNo(cells, Column.FEE_OR_PAYMENT, problems);
        Boolean mfc = yesNo(cells, Column.VIA_MFC, problems);
        ServiceDescription service = new ServiceDescription(emptyToNull(registryId), emptyToNull(name),
                emptyToNull(subservice), emptyToNull(agency), category, applications, withoutOriginals, reception, fee,
                mfc);
        if (!PRECHECK.certainlyValid(service)) {
            validator.get().validate(service).stream()
                    .filter(violation -> !(violation.getInvalidValue() == null && readAlready(violation, problems)))
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .forEach(violation -> problems.add(problem(violation)));
        }
        MatrixProposal proposal = mode == RegistryMode.CHECK ? proposal(cells, problems) : null;
        return new ParsedRow(service, proposal, List.copyOf(problems));
    }

    private MatrixProposal proposal(List<String> cells, List<RowProblem> problems) {
        List<String> values = new ArrayList<>(9);
        for (int action = 1; action <= 9; action++) {
            Column column = Column.action(action);
            String value = text(cells, column);
            // «–» and «—» are how word processors and spreadsheets retype the form's «-».
            String symbol = value.equals("–") || value.equals("—") ? "-" : value;
            if (!symbol.equals("1") && !symbol.equals("0") && !symbol.equals("-")) {
                problems.add(new RowProblem(header.label(column), value.isEmpty() ? "empty; expected «1», «0» or «-»"
                        : "«" + value + "» is not a value of the matrix; expected «1», «0» or «-»"));
            }
            values.add(symbol);
        }
        Boolean note = yesNo(cells, Column.EXPLANATORY_NOTE, problems);
        return new MatrixProposal(values, note);
    }

    private ServiceCategory category(List<String> cells, List<RowProblem> problems) {
        String value = text(cells, Column.CATEGORY);
        if (value.isEmpty()) {
            problems.add(new RowProblem(header.label(Column.CATEGORY), "empty; expected " + categories()));
            return null;
        }
        ServiceCategory category = CATEGORIES.get(value);
        if (category == null) {
            category = CATEGORIES.get(SERVICE_SUFFIX.matcher(Column.normalize(value)).replaceAll(""));
        }
        if (category == null) {
            problems.add(new RowProblem(header.label(Column.CATEGORY), "«" + value + "» is not a category; expected "
                    + categories()));
        }
        return category;
    }

    private static String categories() {
        return "региональная, муниципальная, типовая муниципальная or приоритетная";
    }

    private Integer applications(List<String> cells, List<RowProblem> problems) {
        String value = text(cells, Column.APPLICATIONS);
        if (value.isEmpty()) {
            problems.add(new RowProblem(header.label(Column.APPLICATIONS), "empty; expected a whole number"));
            return null;
        }
        // Thousands are grouped with spaces (a no-break space in spreadsheets): «1 200» is 1200, in groups of three
        // only and the first group without a leading zero, so that «1 0 1» or «0 101» (typing slips) are not read as
        // 101; no number has a leading zero («0101» neither, as in JSON). Nothing else is read.
        String digits = THOUSANDS.matcher(value).matches()
                ? value.replace(" ", "").replace("\u00A0", "").replace("\u202F", "") : value;
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            problems.add(new RowProblem(header.label(Column.APPLICATIONS), "«" + value + "» is not a whole number"));
            return null;
        }
        // A whole number of more digits than an int has is out of range too, not «not a whole number».
        long number = digits.replace("-", "").length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            problems.add(new RowProblem(header.label(Column.APPLICATIONS), "«" + value + "» is out of range"));
            return null;
        }
        return (int) number;
    }

    private Boolean yesNo(List<String> cells, Column column, List<RowProblem> problems) {
        String value = text(cells, column);
        // Most cells are already a word of the list as it is («да», «нет»): normalised only when they are not.
        Boolean answer = YES_NO.get(value);
        if (answer == null) {
            answer = YES_NO.get(Column.normalize(value));
        }
        if (answer == null) {
            problems.add(new RowProblem(header.label(column), (value.isEmpty() ? "empty" : "«" + value + "» is not yes or no")
                    + "; expected да or нет (also д or н, yes or no, true or false, 1 or 0)"));
        }
        return answer;
    }

    /** A missing fact was reported where it was read; the constraint's own "must not be null" adds nothing. */
    private boolean readAlready(ConstraintViolation<ServiceDescription> violation, List<RowProblem> problems) {
        Column column = FIELDS.get(violation.getPropertyPath().toString());
        return column != null && problems.stream().anyMatch(p -> header.label(column).equals(p.column()));
    }

    private RowProblem problem(ConstraintViolation<ServiceDescription> violation) {
        Column column = FIELDS.get(violation.getPropertyPath().toString());
        String label = column == null ? violation.getPropertyPath().toString() : header.label(column);
        return new RowProblem(label, violation.getMessage());
    }

    private String text(List<String> cells, Column column) {
        Integer at = header.position(column);
        if (at == null || at >= cells.size()) {
            return "";
        }
        String value = cells.get(at);
        return value == null ? "" : value.trim();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
