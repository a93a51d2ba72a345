package org.reglament.matrix;

/** What accompanies a proposed matrix as a whole. */
public final class ProposedMatrix {
    private final boolean explanatoryNoteAttached;

    public ProposedMatrix(boolean explanatoryNoteAttached) {
        this.explanatoryNoteAttached = explanatoryNoteAttached;
    }

    public boolean isExplanatoryNoteAttached() { return explanatoryNoteAttached; }
}
