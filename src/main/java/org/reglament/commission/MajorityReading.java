package org.reglament.commission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * Decree 845 cl. 28, «большинством голосов ее членов»: of the votes the members taking part cast (the reading taken
 * by default), or of all the commission's members.
 */
public enum MajorityReading implements Coded {
    VOTES_CAST("votes-cast"),
    ALL_MEMBERS("all-members");

    private final String code;

    MajorityReading(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static MajorityReading fromCode(String code) {
        return Coded.fromCode(MajorityReading.class, code);
    }
}
