package org.reglament.matrix;

/** One value of a matrix an agency proposed (3.1.2, 3.1.3). */
public final class ProposedCell {
    private final int action;
    private final CellValue value;

    public ProposedCell(int action, CellValue value) {
        this.action = action;
        this.value = value;
    }

    public int getAction() { return action; }
    public CellValue getValue() { return value; }
}
