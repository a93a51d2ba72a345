package org.reglament.decision;

import java.time.LocalDate;

/** The act and the edition of it that was in force on the decision's date. */
public record RegulationApplied(String actId, String act, String edition, LocalDate editionAdopted,
                                LocalDate inForceFrom, LocalDate inForceUntil) {
}
