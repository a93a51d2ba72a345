package org.reglament.matrix;

/** One value of a matrix an agency proposed (3.1.2, 3.1.3). */
public record ProposedCell(int action, CellValue value) {
}
