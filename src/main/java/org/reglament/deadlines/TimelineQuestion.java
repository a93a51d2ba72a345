package org.reglament.deadlines;

/** Marks an evaluation that asks for a whole timeline, so that rules can demand what a timeline needs. */
public record TimelineQuestion() {
}
