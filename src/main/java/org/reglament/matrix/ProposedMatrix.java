package org.reglament.matrix;

/** What accompanies a proposed matrix as a whole. */
public record ProposedMatrix(boolean explanatoryNoteAttached) {
}
