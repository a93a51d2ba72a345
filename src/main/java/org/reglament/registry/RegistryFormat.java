package org.reglament.registry;

import java.util.Locale;
import java.util.Optional;

/** The file formats a registry comes in and goes out in. */
public enum RegistryFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** One JSON object per line (JSON Lines); application/jsonl is taken as well. */
    JSONL("application/x-ndjson", "jsonl");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String JSONL_TYPE = "application/x-ndjson";
    public static final String JSONL_ALTERNATIVE_TYPE = "application/jsonl";

    private final String mediaType;
    private final String extension;

    RegistryFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a media type ("text/csv; charset=windows-1251"), if it is one of the three. */
    public static Optional<RegistryFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        // «;» alone, or «;;», is no media type either (split would give no first element).
        int parameters = mediaType.indexOf(';');
        String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CSV_TYPE, "application/csv" -> Optional.of(CSV);
            case XLSX_TYPE -> Optional.of(XLSX);
            case JSONL_TYPE, JSONL_ALTERNATIVE_TYPE, "application/jsonlines" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /** The format a file name's extension says (registry.xlsx, matrix.csv, rows.jsonl / .ndjson). */
    public static Optional<RegistryFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (lower.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }
}
