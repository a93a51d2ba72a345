package org.reglament.registry;

import org.reglament.registry.RegistryFileException.Kind;

/** What a file's first bytes say it is, whatever its name or declared type. */
final class FileSignature {
    private FileSignature() {
    }

    static boolean zip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The OLE2 compound file: an encrypted (password-protected) workbook, or an old .xls. */
    static boolean compoundFile(byte[] head) {
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A text format was declared, but the bytes are a workbook or other binary data. */
    static void refuseBinary(byte[] head, RegistryFormat declared) {
        if (zip(head)) {
            throw new RegistryFileException(Kind.FORMAT_MISMATCH, "(file)", "the file is a ZIP archive (an XLSX "
                    + "workbook?), not " + declared + ": send it as XLSX");
        }
        if (compoundFile(head)) {
            throw new RegistryFileException(Kind.FORMAT_MISMATCH, "(file)", "the file is an encrypted workbook or an "
                    + "old .xls, not " + declared + ": save it as an unprotected .xlsx or as CSV");
        }
        int scan = Math.min(head.length, 8192);
        for (int i = 0; i < scan; i++) {
            if (head[i] == 0) {
                throw new RegistryFileException(Kind.NOT_TEXT, "(file)",
                        "the file holds binary data (a NUL byte at byte " + i + "), it is not a " + declared + " text file");
            }
        }
    }
}
