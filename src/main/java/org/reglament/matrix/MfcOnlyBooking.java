package org.reglament.matrix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.reglament.decision.Coded;

/**
 * Kamchatka 3.1.4.2, action 2 where applicants are received in person only at the MFC: the booking exists but is not
 * electronic, «0» (the reading taken by default: action 2 is «запись на прием в орган (организацию), МФЦ»), or it is
 * not provided for, «-».
 */
public enum MfcOnlyBooking implements Coded {
    NOT_ELECTRONIC("not-electronic"),
    NOT_PROVIDED("not-provided");

    private final String code;

    MfcOnlyBooking(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    @JsonCreator
    public static MfcOnlyBooking fromCode(String code) {
        return Coded.fromCode(MfcOnlyBooking.class, code);
    }
}
