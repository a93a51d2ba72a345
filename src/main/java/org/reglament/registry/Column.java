package org.reglament.registry;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns Reglament reads in a registry: those of the matrix form of the Kamchatka guidelines, section 3.1
 * («№ п/п; ИОГВ; Реквизиты НПА, которым утвержден регламент; Идентификатор услуги в реестре…; Наименование услуги;
 * Наименование подуслуги; 1*–9*; Средне(е) количество заявлений в год; Примечание»), and the facts the criteria of
 * 3.1.4 read, which the form does not carry (category, originals, reception, payment, MFC), plus the explanatory note
 * of 3.1.4.3 for a check. A header cell is recognized by its wording, in the usual spellings (case, «ё», spaces and a
 * trailing colon do not matter), or by the field name of the JSON endpoint ({@code registryId}, …).
 */
public enum Column {
    NUMBER("№ п/п", false, List.of("№", "n п/п", "№ пп", "номер", "номер п/п", "no"), List.of()),
    AGENCY("ИОГВ", false, List.of("иогв/омсу", "иогв / омсу", "омсу", "орган", "agency"), List.of()),
    ACT("Реквизиты НПА, которым утвержден регламент", false, List.of(), List.of("реквизиты нпа")),
    REGISTRY_ID("Идентификатор услуги в реестре государственных и муниципальных услуг", true,
            List.of("registryid", "идентификатор услуги", "идентификатор"), List.of("идентификатор услуги в реестре")),
    NAME("Наименование услуги", true, List.of("name", "услуга"), List.of()),
    SUBSERVICE("Наименование подуслуги", false, List.of("subservice", "подуслуга"), List.of()),
    ACTION_1("1*"), ACTION_2("2*"), ACTION_3("3*"), ACTION_4("4*"), ACTION_5("5*"), ACTION_6("6*"), ACTION_7("7*"),
    ACTION_8("8*"), ACTION_9("9*"),
    /** The form itself spells it «Средне количество заявлений в год». */
    APPLICATIONS("Среднее количество заявлений в год", true,
            List.of("средне количество заявлений в год", "applicationsperyear", "обращений в год",
                    "количество заявлений в год", "число обращений в год"),
            List.of("среднее количество заявлений", "средне количество заявлений", "среднее число заявлений")),
    NOTE("Примечание", false, List.of("note"), List.of()),
    CATEGORY("Категория услуги", true, List.of("категория", "category"), List.of()),
    WITHOUT_ORIGINALS("Можно без очного представления оригиналов", true,
            List.of("electronicwithoutoriginals", "без очного представления оригиналов", "можно без оригиналов",
                    "без оригиналов"), List.of()),
    IN_PERSON_RECEPTION("Личный приём в органе", true,
            List.of("inpersonreceptionatagency", "личный приём заявителей в органе", "личный приём"), List.of()),
    FEE_OR_PAYMENT("Пошлина или иные платежи", true,
            List.of("feeorpayment", "пошлина", "госпошлина", "государственная пошлина", "платежи",
                    "пошлина или платежи"), List.of()),
    VIA_MFC("Через МФЦ", true, List.of("providedviamfc", "предоставляется через мфц", "мфц"), List.of()),
    EXPLANATORY_NOTE("Пояснительная записка приложена", false,
            List.of("explanatorynoteattached", "пояснительная записка"), List.of());

    /** Apart from the constants: an enum's constants are built before its static fields. */
    private static final class Patterns {
        static final Pattern ACTION = Pattern.compile("(?:действие\\s*)?([1-9])\\s*\\*?");
        static final Pattern SPACES = Pattern.compile("[\\s\\u00A0]+");
    }

    private final String header;
    private final boolean required;
    private final List<String> spellings;
    private final List<String> prefixes;

    Column(String header, boolean required, List<String> aliases, List<String> prefixes) {
        this.header = header;
        this.required = required;
        this.spellings = new java.util.ArrayList<>(aliases.stream().map(Column::normalize).toList());
        this.spellings.add(normalize(header));
        this.prefixes = prefixes;
    }

    Column(String actionHeader) {
        this(actionHeader, false, List.of(), List.of());
    }

    /** The wording a registry file's header carries (the form's own, where the form has the column). */
    public String header() {
        return header;
    }

    /** Needed in every mode; the action columns and the note are needed to check a matrix ({@link #requiredIn}). */
    public boolean requiredIn(RegistryMode mode) {
        return required || (mode == RegistryMode.CHECK && (action() > 0 || this == EXPLANATORY_NOTE));
    }

    /** 1–9 for the action columns, 0 for the others. */
    public int action() {
        return name().startsWith("ACTION_") ? name().charAt(7) - '0' : 0;
    }

    public static Column action(int action) {
        return valueOf("ACTION_" + action);
    }

    /**
     * The column a header cell names, or null. {@code actionsAsDigits}: a bare «3» is taken for 3* only when the
     * row holds the nine digits in a row (a sub-header under «Состав действий»), never on its own.
     */
    static Column recognize(String cell, boolean actionsAsDigits) {
        String text = normalize(cell);
        if (text.isEmpty()) {
            return null;
        }
        Matcher action = Patterns.ACTION.matcher(text);
        if (action.matches() && (actionsAsDigits || text.contains("*") || text.startsWith("действие"))) {
            return action(Integer.parseInt(action.group(1)));
        }
        for (Column column : values()) {
            if (column.spellings.contains(text)) {
                return column;
            }
        }
        for (Column column : values()) {
            for (String prefix : column.prefixes) {
                if (text.startsWith(prefix)) {
                    return column;
                }
            }
        }
        return null;
    }

    /** Case, «ё», runs of spaces, a trailing colon or full stop and surrounding quotes do not tell headers apart. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = Patterns.SPACES.matcher(text.replace('\uFEFF', ' ')).replaceAll(" ").trim().toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        while (!t.isEmpty() && (t.endsWith(":") || t.endsWith("."))) {
            t = t.substring(0, t.length() - 1).trim();
        }
        if (t.length() > 1 && (t.startsWith("«") && t.endsWith("»") || t.startsWith("\"") && t.endsWith("\""))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }
}
