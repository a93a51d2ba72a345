package org.reglament.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.reglament.amendments.AmendmentPlanRequest;
import org.reglament.api.RequestValues;
import org.reglament.decision.InvalidRequestException;

/**
 * A plan of amendments to administrative regulations (Kamchatka guidelines, section 2) as a spreadsheet gives it: a
 * table in the recommended form (№ п/п; Наименование услуги (подуслуги); ИОГВ/ОМСУ; Реквизиты Административного
 * регламента; Срок внесения изменений; Ответственное должностное лицо), read by the registry's readers and limits.
 * The header is found among the first rows, as a registry's is; the plan's columns are the header's cells, so a
 * column the form recommends and the file lacks is reported by the check (2 para. 4), not refused here. An optional
 * column of applications per year (as the matrix form spells it) lets the check see «в первую очередь… наиболее
 * востребованных». A cell that cannot be read (a term that is not a date) is refused naming its row and column:
 * the plan is judged as a whole, so a row cannot be left out of it.
 */
final class AmendmentPlanFile implements Registries.Table<AmendmentPlanFile.Read> {
    /** A header names at least the service and the term columns of the form. */
    private static final List<String> NEEDED = List.of("service", "term");
    private static final Pattern RUSSIAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    /** A date cell of a workbook in the built-in format «m/d/yy», as the reader renders it. */
    private static final Pattern WORKBOOK_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2})");

    /** The plan read, and where it came from. */
    record Read(List<String> columns, List<AmendmentPlanRequest.Row> rows, String fileDigest, String sheet) {
    }

    /** The form's columns by id (number, service, …) with their official headers, in the form's order. */
    private final Map<String, String> form;
    private final List<List<String>> firstRows = new ArrayList<>();
    private List<String> header;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    private Integer applications;
    private final List<AmendmentPlanRequest.Row> rows = new ArrayList<>();

    AmendmentPlanFile(Map<String, String> form) {
        this.form = form;
    }

    @Override
    public void row(long number, List<String> cells) {
        if (header == null) {
            firstRows.add(cells);
            if (recognize(cells)) {
                header = List.copyOf(cells);
            } else if (firstRows.size() >= RegistryHeader.SEARCHED_ROWS) {
                throw noHeader();
            }
            return;
        }
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        if (rows.size() == AmendmentPlanRequest.MAX_ROWS) {
            throw new RegistryFileException(RegistryFileException.Kind.TOO_MANY_ROWS, "row " + number,
                    "a plan of amendments has at most " + AmendmentPlanRequest.MAX_ROWS + " rows");
        }
        rows.add(new AmendmentPlanRequest.Row(cell(cells, "number"), cell(cells, "service"), cell(cells, "agency"),
                cell(cells, "regulation"), term(number, cell(cells, "term")), cell(cells, "responsible"),
                applications(number, cells)));
    }

    @Override
    public Read end(String fileDigest, String sheet) {
        if (header == null) {
            if (firstRows.stream().allMatch(row -> row.stream().allMatch(String::isBlank))) {
                throw new RegistryFileException(RegistryFileException.Kind.EMPTY, "(file)", "the file holds no rows");
            }
            throw noHeader();
        }
        if (rows.isEmpty()) {
            throw new RegistryFileException(RegistryFileException.Kind.NO_ROWS, "(file)",
                    "the file has a header but no rows of the plan");
        }
        // A column the reader recognized goes to the check under the form's own header: both must agree on what the
        // file has, and the reader forgives a trailing colon or quotes the check's comparison does not.
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String label = header.get(c);
            String column = null;
            for (Map.Entry<String, Integer> at : positions.entrySet()) {
                if (at.getValue() == c) {
                    column = form.get(at.getKey());
                }
            }
            if (column != null || !label.isBlank()) {
                columns.add(column != null ? column : label);
            }
        }
        return new Read(columns, List.copyOf(rows), fileDigest, sheet);
    }

    private boolean recognize(List<String> cells) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Integer demand = null;
        for (int c = 0; c < cells.size(); c++) {
            String text = Column.normalize(cells.get(c));
            for (Map.Entry<String, String> column : form.entrySet()) {
                if (!found.containsKey(column.getKey()) && text.equals(Column.normalize(column.getValue()))) {
                    found.put(column.getKey(), c);
                }
            }
            if (demand == null && Column.recognize(cells.get(c), false) == Column.APPLICATIONS) {
                demand = c;
            }
        }
        if (!found.keySet().containsAll(NEEDED)) {
            return false;
        }
        positions.putAll(found);
        applications = demand;
        return true;
    }

    private RegistryFileException noHeader() {
        return new RegistryFileException(RegistryFileException.Kind.NO_HEADER, "(header)", "no header row found in the "
                + "first " + RegistryHeader.SEARCHED_ROWS + " rows: a plan of amendments names at least the columns «"
                + form.get("service") + "» and «" + form.get("term") + "» of the recommended form (section 2)");
    }

    private String cell(List<String> cells, String column) {
        Integer at = positions.get(column);
        if (at == null || at >= cells.size() || cells.get(at).isBlank()) {
            return null;
        }
        return cells.get(at).strip();
    }

    /**
     * A term as a spreadsheet gives it: DD.MM.YYYY, a workbook's date cell as the reader renders it (M/D/YY), or
     * YYYY-MM-DD; read as every date of a request is ({@link RequestValues#date}: years 2000–2100, a real day).
     */
    private LocalDate term(long row, String text) {
        if (text == null) {
            return null;
        }
        Matcher russian = RUSSIAN_DATE.matcher(text);
        Matcher workbook = WORKBOOK_DATE.matcher(text);
        String iso = russian.matches() ? russian.group(3) + "-" + twoDigits(russian.group(2)) + "-" + twoDigits(russian.group(1))
                : workbook.matches() ? "20" + workbook.group(3) + "-" + twoDigits(workbook.group(1)) + "-"
                        + twoDigits(workbook.group(2)) : text;
        try {
            return RequestValues.date(iso);
        } catch (RequestValues.Refused e) {
            throw new InvalidRequestException("row " + row + ", «" + form.get("term") + "»", "«" + text + "» is not a "
                    + "date of the plan (DD.MM.YYYY or YYYY-MM-DD, years 2000–2100)");
        }
    }

    private static String twoDigits(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    private Integer applications(long row, List<String> cells) {
        if (applications == null || applications >= cells.size() || cells.get(applications).isBlank()) {
            return null;
        }
        String text = cells.get(applications).strip();
        try {
            return (int) RequestValues.wholeNumber(text, 0, AmendmentPlanRequest.MAX_APPLICATIONS);
        } catch (RequestValues.Refused e) {
            throw new InvalidRequestException("row " + row + ", «" + header.get(applications) + "»", "«" + text
                    + "» is not a whole number of applications per year");
        }
    }
}
