package org.reglament.registry;

/**
 * A registry file that cannot be read as a registry at all: unlike a bad row, which is reported in its row, this
 * stops the batch before any answer is given (400, 413 or 415 over HTTP; exit code 3 on the command line).
 * {@code where} names the part of the file at fault: "(file)", a column's header, "row 12", "C7".
 */
public class RegistryFileException extends RuntimeException {
    /** What is wrong, which decides the HTTP status. */
    public enum Kind {
        EMPTY, NO_ROWS, NO_HEADER, BAD_HEADER, MISSING_COLUMN, NOT_TEXT, BAD_ENCODING, MALFORMED, TOO_MANY_COLUMNS,
        ROW_TOO_LONG, TOO_MANY_ROWS, FORMULA, NOT_XLSX, ENCRYPTED, ZIP_BOMB, NO_SUCH_SHEET, FORMAT_MISMATCH,
        TOO_LARGE, UNSUPPORTED_FORMAT
    }

    private final Kind kind;
    private final String where;

    public RegistryFileException(Kind kind, String where, String message) {
        super(message);
        this.kind = kind;
        this.where = where;
    }

    public RegistryFileException(Kind kind, String where, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.where = where;
    }

    public Kind kind() {
        return kind;
    }

    public String where() {
        return where;
    }
}
