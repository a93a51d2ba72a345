package org.reglament.deadlines;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * Decree 845 cl. 32: «в срок не позднее двадцати рабочих дней … дорабатывает в порядке, предусмотренном пунктами
 * 16-20 … и направляет указанные документы на рассмотрение экспертной комиссии». A new cl. 16–20 round (10 + 10 and
 * up to 20 working days) cannot fit in 20 working days. The 20 days are the term of the whole rework, to the
 * documents' return to the commission (the reading taken by default), or of the revision only, after which the
 * cl. 16–20 round runs with its own terms.
 */
public enum ReworkTermReading implements Coded {
    WHOLE_ROUND("whole-round"),
    REVISION_THEN_ROUND("revision-then-round");

    private final String code;

    ReworkTermReading(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static ReworkTermReading fromCode(String code) {
        return Coded.fromCode(ReworkTermReading.class, code);
    }
}
