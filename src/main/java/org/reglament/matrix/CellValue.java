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

    /** «1» или «0»; только «-»: how a set of allowed values reads in a reason. */
    public static String describe(java.util.Set<CellValue> values) {
        java.util.List<String> quoted = values.stream().map(v -> "«" + v.code + "»").toList();
        return quoted.size() == 1 ? "только " + quoted.get(0) : String.join(" или ", quoted);
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
