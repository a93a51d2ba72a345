package org.reglament.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.reglament.registry.RegistryFileException.Kind;

/**
 * The text of a CSV or JSON Lines file as Russian spreadsheets and tools write it: UTF-8 with or without a byte-order
 * mark, or Windows-1251. Without a mark or a declared charset the encoding is told from the first 64 KiB: text that
 * decodes as UTF-8 is UTF-8, anything else Windows-1251. Bytes that do not decode later on are an error, never
 * replaced; a NUL byte means the file is not text at all. The reader counts the characters of the current row, so
 * that a row without end cannot fill the memory ({@link #rowDone()} starts the count again).
 */
final class TextInput extends Reader {
    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int SAMPLE = 64 * 1024;
    /** What the readers above this one buffer ahead of the row they parse. */
    private static final int READ_AHEAD = 80 * 1024;

    private final Reader decoded;
    private final Charset charset;
    private final long rowLimit;
    private long rowChars;
    private long rowNumber;
    private boolean any;

    private TextInput(Reader decoded, Charset charset, int maxRowChars) {
        this.decoded = decoded;
        this.charset = charset;
        this.rowLimit = (long) maxRowChars + READ_AHEAD;
    }

    /**
     * @param declared the charset the sender named (Content-Type's charset, --encoding), or null to tell it
     */
    static TextInput open(InputStream raw, Charset declared, int maxRowChars, RegistryFormat format) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SAMPLE);
        in.mark(SAMPLE);
        byte[] sample = in.readNBytes(SAMPLE);
        in.reset();
        if (sample.length == 0) {
            throw new RegistryFileException(Kind.EMPTY, "(file)", "the file is empty");
        }
        FileSignature.refuseBinary(sample, format);
        Charset charset = declared;
        int bom = 0;
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (charset == null) {
            charset = decodesAsUtf8(sample) ? StandardCharsets.UTF_8 : WINDOWS_1251;
        }
        in.skipNBytes(bom);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new TextInput(new InputStreamReader(in, decoder), charset, maxRowChars);
    }

    private static boolean decodesAsUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(sample);
        CharBuffer chars = CharBuffer.allocate(sample.length);
        var result = decoder.decode(bytes, chars, false);
        // A sequence cut by the end of the sample is underflow with bytes left, not an error.
        return !result.isError() && bytes.remaining() < 4;
    }

    Charset charset() {
        return charset;
    }

    /** The reader above has finished a row: the next one's characters are counted from here. */
    void rowDone(long number) {
        rowChars = 0;
        rowNumber = number;
    }

    boolean readAny() {
        return any;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = decoded.read(buffer, offset, length);
        } catch (CharacterCodingException e) {
            throw new RegistryFileException(Kind.BAD_ENCODING, "row " + (rowNumber + 1),
                    "the file is not " + charset.displayName() + " text" + (charset == StandardCharsets.UTF_8
                            ? " (its beginning is UTF-8, a later part is not: save it in one encoding)" : "")
                            + "; bytes near row " + (rowNumber + 1) + " do not decode", e);
        }
        if (n > 0) {
            any = true;
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\u0000') {
                    throw new RegistryFileException(Kind.NOT_TEXT, "(file)",
                            "the file holds binary data (a NUL byte near row " + (rowNumber + 1) + "), it is not a text file");
                }
            }
            rowChars += n;
            if (rowChars > rowLimit) {
                throw RegistryBatch.rowTooLong(rowNumber + 1, rowLimit - READ_AHEAD);
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        decoded.close();
    }
}
