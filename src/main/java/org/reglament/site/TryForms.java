package org.reglament.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.reglament.commission.CommissionRequest;
import org.reglament.completeness.CompletenessDecisions;
import org.reglament.decision.Language;
import org.reglament.completeness.CompletenessRequest;
import org.reglament.completeness.DocumentsData;
import org.reglament.deadlines.DeadlineRequest;
import org.reglament.deadlines.PeriodRequest;
import org.reglament.deadlines.TimelineRequest;
import org.reglament.knowledgebase.Act;
import org.reglament.knowledgebase.KnowledgeBase;
import org.reglament.matrix.ActionMatrixRequest;
import org.reglament.matrix.MatrixCheckRequest;
import org.reglament.plan.PlanDecisions;
import org.reglament.plan.PlanRequests;
import org.springframework.stereotype.Component;

/**
 * The forms «Попробовать» of the decisions, built from the request records themselves: a
 * field per record component, its kind from its Java type and its checks (a date, a number with its bounds, a
 * checkbox for a required yes/no and «не указано / да / нет» for one that may be left unsaid, a list of named choices
 * for an enum or a closed pattern such as {@code approve|return}, a group for a nested record, rows that can be added
 * and removed for a map), its Russian label and the Russian names of its choices from {@code try-forms.properties},
 * and the choices the knowledge base itself names (acts, documents and their parts, procedure events, plan items).
 * A component the labels do not name is shown by its Java name, which SiteContentTest refuses: a new request field
 * fails the build until a lawyer can read it. The browser builds the API's JSON from the fields (site.js).
 */
@Component
public class TryForms {
    /** The decisions whose form is built here, with the record their endpoint reads. */
    static final Map<String, Class<? extends Record>> REQUESTS = new LinkedHashMap<>();

    static {
        REQUESTS.put("action-matrix", ActionMatrixRequest.class);
        REQUESTS.put("action-matrix/check", MatrixCheckRequest.class);
        REQUESTS.put("deadline", DeadlineRequest.class);
        REQUESTS.put("period", PeriodRequest.class);
        REQUESTS.put("timeline", TimelineRequest.class);
        REQUESTS.put("commission-meeting", CommissionRequest.class);
        REQUESTS.put("completeness", CompletenessRequest.class);
        REQUESTS.put("plan-status", PlanRequests.PlanStatusCheck.class);
    }

    /** A closed list of codes, as a pattern writes it: {@code approve|return}. */
    private static final java.util.regex.Pattern ALTERNATIVES = java.util.regex.Pattern.compile("[a-zA-Z0-9_-]+(\\|[a-zA-Z0-9_-]+)+");

    private final Properties labels = new Properties();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final Map<String, Supplier<List<Choice>>> knowledgeBaseChoices = new LinkedHashMap<>();
    private final Map<String, Supplier<List<String>>> itemLabels = new LinkedHashMap<>();

    /**
     * The deadline's parameters and readings shown only with the steps whose rules read them, the timeline's fields
     * only with the acts whose steps do (act.yaml's {@code stepReads} and {@code timelineReads}), Russia's decree days
     * only with Russia's acts: the decisions refuse the rest (DeadlineDecisions, TimelineDecisions).
     */
    private final Map<String, String> readByTheRules = new LinkedHashMap<>();

    /** Kazakh first is offered only with an act that has a Kazakh text (Language.requireText refuses it otherwise). */
    private final String kazakhTexts;

    public TryForms(KnowledgeBase knowledgeBase, CompletenessDecisions completeness, PlanDecisions plan) {
        kazakhTexts = "act=" + knowledgeBase.acts().stream().filter(a -> a.editions().stream()
                .anyMatch(e -> e.sourceKk() != null)).map(a -> a.id()).sorted()
                .collect(java.util.stream.Collectors.joining("|"));
        conditionsOfTheRules(knowledgeBase);
        try (InputStream in = TryForms.class.getResourceAsStream("try-forms.properties")) {
            labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        knowledgeBaseChoices.put("CompletenessRequest.act", () -> completeness.documents().keySet().stream().sorted()
                .map(act -> new Choice(act, title(knowledgeBase, act), null)).toList());
        knowledgeBaseChoices.put("CompletenessRequest.document", () -> documents(completeness).entrySet().stream()
                .flatMap(act -> act.getValue().documents().entrySet().stream().map(d -> new Choice(d.getKey(),
                        d.getValue().name() + " (" + d.getValue().clause() + ")", "act=" + act.getKey()))).toList());
        knowledgeBaseChoices.put("CompletenessRequest.parts", () -> documents(completeness).entrySet().stream()
                .flatMap(act -> act.getValue().documents().entrySet().stream().flatMap(d -> d.getValue().parts().stream()
                        .map(p -> new Choice(p.id(), p.id() + " " + p.name() + (p.optional() ? " (необязательный)" : ""),
                                "act=" + act.getKey() + "&document=" + d.getKey())))).toList());
        knowledgeBaseChoices.put("TimelineRequest.act", () -> knowledgeBase.acts().stream().filter(a -> !a.events().isEmpty())
                .map(a -> new Choice(a.id(), a.shortTitle(), null)).toList());
        knowledgeBaseChoices.put("TimelineRequest.events", () -> knowledgeBase.acts().stream()
                .flatMap(a -> a.events().entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue().name(),
                        "act=" + a.id()))).toList());
        knowledgeBaseChoices.put("DeadlineRequest.act", () -> knowledgeBase.acts().stream()
                .filter(a -> !a.names().getOrDefault("deadlineSteps", Map.of()).isEmpty())
                .map(a -> new Choice(a.id(), a.shortTitle(), null)).toList());
        knowledgeBaseChoices.put("DeadlineRequest.step", () -> knowledgeBase.acts().stream()
                .flatMap(a -> a.names().getOrDefault("deadlineSteps", Map.of()).entrySet().stream()
                        .map(s -> new Choice(s.getKey(), s.getValue(), "act=" + a.id()))).toList());
        knowledgeBaseChoices.put("PlanStatusCheck.completed", () -> plan.items().stream()
                .map(i -> new Choice(i.item(), i.item() + " " + i.title(), null)).toList());
        itemLabels.put("MatrixProposal.cells", () -> knowledgeBase.acts().stream()
                .filter(a -> a.id().equals("ru.kamchatka_guidelines")).findFirst()
                .map(a -> a.names().getOrDefault("actions", Map.of())).orElse(Map.of()).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(Integer::parseInt)))
                .map(e -> "Действие " + e.getKey() + ": " + e.getValue()).toList());
    }

    /** The documents of each act, sorted by act, as the completeness decision reads them. */
    private static Map<String, DocumentsData> documents(CompletenessDecisions completeness) {
        return new java.util.TreeMap<>(completeness.documents());
    }

    private static String title(KnowledgeBase knowledgeBase, String act) {
        return knowledgeBase.acts().stream().filter(a -> a.id().equals(act)).findFirst().map(Act::shortTitle).orElse(act);
    }

    /** One choice of a select or a set of checkboxes; {@code when}: the other fields' values it is offered for. */
    public record Choice(String value, String label, String when) {
    }

    /**
     * A field of a form. {@code kind}: date, month, number, text, flag (a checkbox), yes-no (not stated, yes, no),
     * choice (a select), choices (checkboxes: a list of codes), list (a fixed number of {@code fields}), group (a
     * nested record: {@code fields}), rows (a map: a key from {@code choices} and a value of the kind of
     * {@code fields}' only one, rows added and removed).
     */
    public record FormField(String path, String name, String label, String kind, boolean required, List<Choice> choices,
                            List<FormField> fields, Map<String, String> bounds, String when) {
        /** A field read whatever the other fields say. */
        public FormField(String path, String name, String label, String kind, boolean required, List<Choice> choices,
                         List<FormField> fields, Map<String, String> bounds) {
            this(path, name, label, kind, required, choices, fields, bounds, null);
        }

        FormField when(String condition) {
            return new FormField(path, name, label, kind, required, choices, fields, bounds, condition);
        }
    }

    /**
     * The condition a field is read under ({@code kind=|within}: any of those values, the empty one being «не указано»,
     * the request's default), or null: the form hides the field otherwise and leaves it out of the request, which
     * refuses a field that does not apply. A period's fields by its kind, and Russia's decree days, as PeriodRequest
     * says which.
     */
    private String when(Class<?> owner, String field) {
        String byTheRules = readByTheRules.get(owner.getSimpleName() + "." + field);
        if (byTheRules != null || owner != PeriodRequest.class) {
            return byTheRules;
        }
        if (field.equals("decreeNonWorkingDays")) {
            return "jurisdiction=" + PeriodRequest.DECREE_DAYS_OF;
        }
        List<String> kinds = PeriodRequest.FIELDS_OF_KIND.entrySet().stream().filter(e -> e.getValue().contains(field))
                .map(Map.Entry::getKey).toList();
        if (kinds.isEmpty()) {
            return null; // asOf, jurisdiction, kind: read whatever the kind
        }
        String direction = PeriodRequest.DIRECTION_OF_FIELD.get(field);
        return "kind=" + (kinds.contains(PeriodRequest.DEFAULT_KIND) ? "|" : "") + String.join("|", kinds)
                + (direction == null ? "" : "&direction=" + direction);
    }

    private void conditionsOfTheRules(KnowledgeBase knowledgeBase) {
        Map<String, java.util.SortedSet<String>> stepsReading = new java.util.TreeMap<>();
        Map<String, java.util.SortedSet<String>> actsReading = new java.util.TreeMap<>();
        java.util.SortedSet<String> russianDeadlines = new java.util.TreeSet<>();
        java.util.SortedSet<String> russianTimelines = new java.util.TreeSet<>();
        for (Act act : knowledgeBase.acts()) {
            boolean russian = PeriodRequest.DECREE_DAYS_OF.equals(act.jurisdiction());
            for (String step : act.keys("deadlineSteps")) {
                act.reads(step).forEach(field -> stepsReading.computeIfAbsent(field, f -> new java.util.TreeSet<>()).add(step));
                if (russian) {
                    russianDeadlines.add(act.id());
                }
            }
            act.timelineReadsAll().forEach(field -> actsReading.computeIfAbsent(field, f -> new java.util.TreeSet<>())
                    .add(act.id()));
            if (russian && !act.events().isEmpty()) {
                russianTimelines.add(act.id());
            }
        }
        java.util.SortedSet<String> stepsWithParameters = new java.util.TreeSet<>();
        for (RecordComponent parameter : DeadlineRequest.StepParameters.class.getRecordComponents()) {
            java.util.SortedSet<String> steps = stepsReading.getOrDefault(parameter.getName(), new java.util.TreeSet<>());
            readByTheRules.put("StepParameters." + parameter.getName(), "step=" + String.join("|", steps));
            stepsWithParameters.addAll(steps);
        }
        readByTheRules.put("DeadlineRequest.parameters", "step=" + String.join("|", stepsWithParameters));
        for (RecordComponent field : DeadlineRequest.class.getRecordComponents()) {
            // A step's own reading (the rest every step may be given): shown with the steps whose rules read it.
            if (!org.reglament.deadlines.DeadlineDecisions.EVERY_STEP_READS.contains(field.getName())) {
                readByTheRules.put("DeadlineRequest." + field.getName(), "step=" + String.join("|",
                        stepsReading.getOrDefault(field.getName(), new java.util.TreeSet<>())));
            }
        }
        readByTheRules.put("DeadlineRequest.decreeNonWorkingDays", "act=" + String.join("|", russianDeadlines));
        for (RecordComponent field : TimelineRequest.class.getRecordComponents()) {
            if (actsReading.containsKey(field.getName())) {
                readByTheRules.put("TimelineRequest." + field.getName(), "act=" + String.join("|",
                        actsReading.get(field.getName())));
            }
        }
        readByTheRules.put("TimelineRequest.decreeNonWorkingDays", "act=" + String.join("|", russianTimelines));
    }

    public boolean has(String decision) {
        return REQUESTS.containsKey(decision);
    }

    /** What the decision's page says before its fields, where the labels give it ({@code intro.<decision>}). */
    public String intro(String decision) {
        return labels.getProperty("intro." + decision);
    }

    /** The fields of a decision's form, in the order of its record. */
    public List<FormField> form(String decision) {
        return fields(REQUESTS.get(decision), "");
    }

    private List<FormField> fields(Class<?> record, String prefix) {
        List<FormField> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.add(field(record, component, prefix));
        }
        return fields;
    }

    private FormField field(Class<?> owner, RecordComponent component, String prefix) {
        FormField field = unconditional(owner, component, prefix);
        String when = when(owner, component.getName());
        return when == null ? field : field.when(when);
    }

    private FormField unconditional(Class<?> owner, RecordComponent component, String prefix) {
        Field declared;
        try {
            declared = owner.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        String name = component.getName();
        String path = prefix + name;
        String key = owner.getSimpleName() + "." + name;
        String label = label(key, name);
        boolean required = declared.isAnnotationPresent(NotNull.class) || declared.isAnnotationPresent(NotBlank.class);
        Class<?> type = component.getType();
        Map<String, String> bounds = bounds(declared);
        if (type == LocalDate.class) {
            return new FormField(path, name, label, "date", required, List.of(), List.of(), bounds);
        }
        if (type == YearMonth.class) {
            return new FormField(path, name, label, "month", required, List.of(), List.of(), bounds);
        }
        if (type == Integer.class || type == Long.class || type == BigDecimal.class) {
            if (type == BigDecimal.class) {
                bounds.put("step", "any");
            }
            return new FormField(path, name, label, "number", required, List.of(), List.of(), bounds);
        }
        if (type == Boolean.class) {
            return new FormField(path, name, label, required ? "flag" : "yes-no", required, List.of(), List.of(), bounds);
        }
        if (type.isEnum()) {
            List<Choice> choices = Arrays.stream(type.getEnumConstants())
                    .map(constant -> json.convertValue(constant, String.class))
                    .map(code -> new Choice(code, label(type.getSimpleName() + "." + code, code),
                            type == Language.class && code.equals(Language.KK.code()) ? kazakhTexts : null)).toList();
            return new FormField(path, name, label, "choice", required, choices, List.of(), bounds);
        }
        if (type == String.class) {
            List<Choice> choices = choices(key, declared.getAnnotation(Pattern.class));
            return new FormField(path, name, label, choices == null ? "text" : "choice", required,
                    choices == null ? List.of() : choices, List.of(), choices == null ? bounds : Map.of());
        }
        if (type == List.class) {
            AnnotatedType element = ((AnnotatedParameterizedType) component.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
            Size size = declared.getAnnotation(Size.class);
            ArraySchema schema = declared.getAnnotation(ArraySchema.class);
            List<Choice> choices = schema != null && schema.schema().allowableValues().length > 0
                    ? Arrays.stream(schema.schema().allowableValues()).map(v -> new Choice(v, label(key + "." + v, v), null)).toList()
                    : choices(key, element.getAnnotation(Pattern.class));
            if (choices == null) {
                choices = knowledgeBase(key);
            }
            if (size != null && size.min() == size.max() && size.min() > 1) {
                List<String> items = itemLabels.getOrDefault(key, List::of).get();
                List<FormField> fixed = new ArrayList<>();
                for (int i = 0; i < size.min(); i++) {
                    fixed.add(new FormField(path + "[" + i + "]", String.valueOf(i), i < items.size() ? items.get(i)
                            : label + " " + (i + 1), "choice", true, choices, List.of(), Map.of()));
                }
                return new FormField(path, name, label, "list", required, List.of(), fixed, bounds);
            }
            return new FormField(path, name, label, "choices", required, choices, List.of(), bounds);
        }
        if (type == Map.class) {
            Type value = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[1];
            if (value != LocalDate.class) {
                throw new IllegalStateException(key + ": a form has rows of dates only, not of " + value);
            }
            return new FormField(path, name, label, "rows", required, knowledgeBase(key),
                    List.of(new FormField(path + ".*", "*", label(key + ".date", "date"), "date", true, List.of(), List.of(), Map.of())),
                    bounds);
        }
        if (type.isRecord()) {
            return new FormField(path, name, label, "group", required, List.of(), fields(type, path + "."), bounds);
        }
        throw new IllegalStateException(key + ": no form field for a " + type.getSimpleName());
    }

    /** The codes of a closed pattern such as {@code none|non-essential|essential}, with their Russian names. */
    private List<Choice> choices(String key, Pattern pattern) {
        if (pattern == null || !ALTERNATIVES.matcher(pattern.regexp()).matches()) {
            return knowledgeBaseChoices.containsKey(key) ? knowledgeBase(key) : null;
        }
        return Arrays.stream(pattern.regexp().split("\\|")).map(code -> new Choice(code, label(key + "." + code, code), null))
                .toList();
    }

    private List<Choice> knowledgeBase(String key) {
        Supplier<List<Choice>> choices = knowledgeBaseChoices.get(key);
        if (choices == null) {
            throw new IllegalStateException(key + ": a list or map field needs named choices (a closed pattern or the knowledge base's)");
        }
        return choices.get();
    }

    private Map<String, String> bounds(Field field) {
        Map<String, String> bounds = new LinkedHashMap<>();
        if (field.isAnnotationPresent(Positive.class)) {
            bounds.put("min", "1");
        }
        if (field.isAnnotationPresent(PositiveOrZero.class)) {
            bounds.put("min", "0");
        }
        if (field.getAnnotation(Min.class) != null) {
            bounds.put("min", String.valueOf(field.getAnnotation(Min.class).value()));
        }
        if (field.getAnnotation(Max.class) != null) {
            bounds.put("max", String.valueOf(field.getAnnotation(Max.class).value()));
        }
        if (field.getAnnotation(DecimalMin.class) != null) {
            bounds.put("min", field.getAnnotation(DecimalMin.class).value());
        }
        if (field.getAnnotation(DecimalMax.class) != null) {
            bounds.put("max", field.getAnnotation(DecimalMax.class).value());
        }
        if (field.getAnnotation(Pattern.class) != null) {
            bounds.put("pattern", field.getAnnotation(Pattern.class).regexp());
        }
        if (field.getType() == String.class && field.getAnnotation(Size.class) != null) {
            bounds.put("maxlength", String.valueOf(field.getAnnotation(Size.class).max()));
        }
        return bounds;
    }

    /** The Russian label of a component ({@code Owner.component}, else the component's name in any request). */
    private String label(String key, String name) {
        String label = labels.getProperty(key);
        if (label == null && key.contains(".")) {
            label = labels.getProperty(key.substring(key.indexOf('.') + 1));
        }
        return label == null ? name : label;
    }
}
