package org.reglament.registry;

/** What is wrong with one row, named by the column (its header as the file has it) and why. */
public record RowProblem(String column, String reason) {

    @Override
    public String toString() {
        return column == null ? reason : "«" + column + "»: " + reason;
    }
}
