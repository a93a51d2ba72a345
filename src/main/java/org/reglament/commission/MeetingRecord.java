package org.reglament.commission;

import java.util.Set;

/**
 * How the meeting was held and recorded: who signed its protocol (clause 28: the chair and the secretary), null when
 * not stated; whether representatives of the responsible state body took part (clause 31), null when not stated.
 */
public record MeetingRecord(Set<String> protocolSignedBy, Boolean responsibleBodyRepresented) {

    public boolean signedBy(String who) {
        return protocolSignedBy != null && protocolSignedBy.contains(who);
    }
}
