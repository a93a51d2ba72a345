package org.reglament.decision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The language a request wants its citations in first, where an act has official texts in both. */
public enum Language {
    RU("ru"),
    KK("kk");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Kazakh first is asked of an act with an official Kazakh text (order No. 133): of one encoded from its Russian
     * text alone it would be ignored without a word, so it is refused, naming the field.
     */
    public static void requireText(Language language, org.reglament.knowledgebase.Act act, java.time.LocalDate asOf) {
        if (language == KK && act.editionInForce(asOf).sourceKk() == null) {
            throw new InvalidRequestException("language", act.id() + " is encoded from its Russian text only; "
                    + "\"kk\" puts the Kazakh text first where an act has one");
        }
    }

    @JsonCreator
    public static Language fromCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not one of ru, kk");
    }
}
