package org.reglament.decision;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum a request names by a code ("votes-cast", "all-members"): a reading of the text the request chooses, or a
 * fact. {@link #fromCode} reads one and refuses any other string with the codes it accepts.
 */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Coded::code).collect(Collectors.joining(", ")));
    }
}
