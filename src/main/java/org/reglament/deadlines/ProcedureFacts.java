package org.reglament.deadlines;

/** What is known about the procedure beyond event dates: whether the joint testing protocol listed remarks. */
public record ProcedureFacts(Boolean testingRemarks) {
}
