package org.reglament.registry;

import java.util.Locale;

import org.reglament.matrix.ActionMatrixDecisions;

/** What a batch does with a registry: fill the matrix in from the facts, or check the matrix the agencies proposed. */
public enum RegistryMode {
    /** Fill 1*–9* from each row's facts (Kamchatka guidelines 3.1.4). */
    DERIVE("derive", "registry-" + ActionMatrixDecisions.DERIVE),
    /** Check each row's 1*–9* as the agency proposed them (3.1.2), with the explanatory note of 3.1.4.3. */
    CHECK("check", "registry-" + ActionMatrixDecisions.CHECK);

    private final String code;
    private final String decision;

    RegistryMode(String code, String decision) {
        this.code = code;
        this.decision = decision;
    }

    public String code() {
        return code;
    }

    /** The decision a batch's receipt is recorded under. */
    public String decision() {
        return decision;
    }

    public static RegistryMode of(String code) {
        for (RegistryMode mode : values()) {
            if (mode.code.equals(code.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("\"" + code + "\" is not a mode; expected derive or check");
    }

    public static RegistryMode ofDecision(String decision) {
        for (RegistryMode mode : values()) {
            if (mode.decision.equals(decision)) {
                return mode;
            }
        }
        return null;
    }
}
