package org.reglament.matrix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A cell of the action matrix. The first three are the symbols of section 3.1; DISCRETIONARY is
 * Reglament's answer where the text leaves the choice to the agency or the Working Group.
 */
public enum CellValue {
    /** «1» – действие предоставляется в электронной форме. */
    ONE("1"),
    /** «0» – действие не предоставляется в электронной форме. */
    ZERO("0"),
    /** «-» – действие не предусматривается при предоставлении услуги (подуслуги). */
    DASH("-"),
    /** Neither mandatory nor forbidden by the text: the agency chooses among the allowed values. */
    DISCRETIONARY("discretionary");

    private final String code;

    CellValue(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * How each set of allowed values reads, by its values in the order the set gives them (base-5 digits of their
     * ordinals + 1): the same few texts for every cell of every answer, made once. Why: a registry answer's cell made
     * this text anew for every row, and with it new bytes for the answers' digest and for the written file, which
     * keep the bytes of a recurring text by its identity (RegistryBatch, CsvRegistryWriter).
     */
    private static final String[] DESCRIBED = new String[5 * 5 * 5 * 5];

    /** «1» или «0»; только «-»: how a set of allowed values reads in a reason. */
    public static String describe(java.util.Set<CellValue> values) {
        int key = 0;
        for (CellValue value : values) {
            key = key * 5 + value.ordinal() + 1;
        }
        String described = DESCRIBED[key];
        if (described == null) { // a race makes the same text twice, and either is kept
            java.util.List<String> quoted = values.stream().map(v -> "«" + v.code + "»").toList();
            described = quoted.size() == 1 ? "только " + quoted.get(0) : String.join(" или ", quoted);
            DESCRIBED[key] = described;
        }
        return described;
    }

    @JsonCreator
    public static CellValue fromCode(String code) {
        for (CellValue value : values()) {
            if (value.code.equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("not a matrix value: \"" + code + "\" (expected \"1\", \"0\" or \"-\")");
    }
}
