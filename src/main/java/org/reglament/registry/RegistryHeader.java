package org.reglament.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a registry's columns are: the header row, found among the first rows (a title row may stand above it),
 * with the «1*…9*» row under it where the form's actions have a header row of their own (a «Состав действий» cell
 * spanning them above). Rows above the header are kept as they are.
 *
 * @param start     the index of the header's (first) row among the file's rows: the rows above it are the preamble
 * @param rows      how many rows the header takes: 1, or 2 with the «1*…9*» row
 * @param labels    the header cells as the file has them (the «1*» row's cells where it has one)
 * @param positions the column index of each recognized column
 */
record RegistryHeader(int start, int rows, List<String> labels, Map<Column, Integer> positions) {
    /** How far down a header is looked for. */
    static final int SEARCHED_ROWS = 30;
    /** A header names at least this many known columns, the service's identifier or name among them. */
    private static final int LEAST_RECOGNIZED = 3;

    Integer position(Column column) {
        return positions.get(column);
    }

    boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** The label of the file's header for a column (the form's wording when the file lacks the column). */
    String label(Column column) {
        Integer at = positions.get(column);
        return at == null ? column.header() : labels.get(at);
    }

    /** Finds the header among the first rows of a file, or explains why there is none that can be used. */
    static RegistryHeader find(List<List<String>> firstRows, RegistryMode mode) {
        for (int i = 0; i < Math.min(firstRows.size(), SEARCHED_ROWS); i++) {
            List<String> row = firstRows.get(i);
            Map<Column, Integer> positions = recognize(row, false);
            if (positions.size() < LEAST_RECOGNIZED
                    || !(positions.containsKey(Column.REGISTRY_ID) || positions.containsKey(Column.NAME))) {
                continue;
            }
            List<String> labels = new ArrayList<>(row);
            int rows = 1;
            if (i + 1 < firstRows.size() && !hasActions(positions)) {
                List<String> below = firstRows.get(i + 1);
                Map<Column, Integer> actions = recognize(below, nineDigitsInARow(below));
                actions.keySet().removeIf(column -> column.action() == 0);
                if (!actions.isEmpty()) {
                    for (Map.Entry<Column, Integer> action : actions.entrySet()) {
                        while (labels.size() <= action.getValue()) {
                            labels.add("");
                        }
                        labels.set(action.getValue(), below.get(action.getValue()));
                        positions.put(action.getKey(), action.getValue());
                    }
                    rows++;
                }
            }
            checkRequired(positions, labels, mode);
            // Kept an EnumMap: every row looks its columns up (Map.copyOf's hashing was 2 % of the deciding threads).
            return new RegistryHeader(i, rows, List.copyOf(labels),
                    Collections.unmodifiableMap(new EnumMap<>(positions)));
        }
        throw new RegistryFileException(RegistryFileException.Kind.NO_HEADER, "(header)",
                "no header row found in the first " + SEARCHED_ROWS + " rows: a header names the columns of the "
                        + "matrix form, such as «" + Column.REGISTRY_ID.header() + "», «" + Column.NAME.header()
                        + "» and «" + Column.APPLICATIONS.header() + "»");
    }

    private static boolean hasActions(Map<Column, Integer> positions) {
        return positions.keySet().stream().anyMatch(column -> column.action() > 0);
    }

    /** The row holds 1, 2, … 9 in nine adjacent cells: the actions' sub-header of the form. */
    private static boolean nineDigitsInARow(List<String> row) {
        for (int start = 0; start + 9 <= row.size(); start++) {
            boolean all = true;
            for (int k = 0; k < 9 && all; k++) {
                all = row.get(start + k).trim().equals(Integer.toString(k + 1));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static Map<Column, Integer> recognize(List<String> row, boolean actionsAsDigits) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int c = 0; c < row.size(); c++) {
            Column column = Column.recognize(row.get(c), actionsAsDigits);
            if (column != null) {
                Integer before = positions.put(column, c);
                if (before != null) {
                    throw new RegistryFileException(RegistryFileException.Kind.BAD_HEADER, column.header(),
                            "two columns are «" + column.header() + "»: «" + row.get(before) + "» (column "
                                    + columnName(before) + ") and «" + row.get(c) + "» (column " + columnName(c) + ")");
                }
            }
        }
        return positions;
    }

    private static void checkRequired(Map<Column, Integer> positions, List<String> labels, RegistryMode mode) {
        List<Column> missing = java.util.Arrays.stream(Column.values())
                .filter(column -> column.requiredIn(mode) && !positions.containsKey(column)).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> unrecognized = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            if (!labels.get(c).isBlank() && !positions.containsValue(c)) {
                unrecognized.add("«" + labels.get(c).trim() + "»");
            }
        }
        String names = missing.stream().map(column -> "«" + column.header() + "»").collect(Collectors.joining(", "));
        throw new RegistryFileException(RegistryFileException.Kind.MISSING_COLUMN, missing.get(0).header(),
                (missing.size() == 1 ? "the column " + names + " is missing" : "the columns " + names + " are missing")
                        + (mode == RegistryMode.CHECK ? " (a check reads the proposed 1*–9* and the explanatory note)" : "")
                        + (unrecognized.isEmpty() ? "" : "; columns not recognized: " + String.join(", ", unrecognized)));
    }

    /** A, B, … Z, AA: how a spreadsheet names a column (0-based index). */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
