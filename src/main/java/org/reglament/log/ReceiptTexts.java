package org.reglament.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a receipt's request and answer are stored, and read back.
 * <ul>
 * <li>A request (a few hundred bytes of canonical JSON) is stored as itself.</li>
 * <li>An answer is tens of kilobytes, most of it the citations, quotes and names that every answer of the same kind
 * under the same knowledge-base version and edition repeats. The first such answer becomes a dictionary, and the
 * answers after it are stored zstd-compressed against it: {@code zstd:<dictionary id>:<base64>}, a 24 KB answer in
 * under 1 KB. This is what keeps the log's cost within its budget (docs/benchmarks.md). An answer too large to be a
 * dictionary (a whole registry) is compressed on its own: {@code zstd::<base64>}.</li>
 * <li>Logs written before 2026-11-22 hold {@code z:<base64 of deflate>}; those still read.</li>
 * </ul>
 * Reading never guesses: a text that does not decode, or whose dictionary is gone, is {@link Unreadable}.
 */
@Component
public class ReceiptTexts {
    /** Answers up to this size (UTF-8 bytes) become dictionaries; a registry-sized answer would only waste memory. */
    static final int LARGEST_DICTIONARY = 128 * 1024;
    private static final int LEVEL = 1;
    private static final String ZSTD = "zstd:";
    private static final String DEFLATE = "z:";

    private final JdbcTemplate jdbc;
    private final Map<String, Dictionary> learned = new ConcurrentHashMap<>();
    private final Map<String, ZstdDictDecompress> readers = new ConcurrentHashMap<>();
    // Compression contexts are not thread-safe and costly to create: each request thread borrows one.
    private final Queue<ZstdCompressCtx> contexts = new ConcurrentLinkedQueue<>();

    public ReceiptTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A dictionary answers are compressed against; {@code stored} once it is in the database. */
    static final class Dictionary {
        final String id;
        final byte[] content;
        final ZstdDictCompress compressor;
        volatile boolean stored;

        private Dictionary(byte[] content) {
            this.id = Digests.sha256(content);
            this.content = content;
            this.compressor = new ZstdDictCompress(content, LEVEL);
        }
    }

    /** An answer as it is stored, and the dictionary it needs (null when none). */
    record StoredAnswer(String text, Dictionary dictionary) {
    }

    String storeRequest(String canonicalRequest) {
        return canonicalRequest;
    }

    /**
     * @param kind what makes answers alike: the decision, knowledge-base version and edition that gave them
     * @param answer the canonical answer, UTF-8
     */
    StoredAnswer storeAnswer(String kind, byte[] answer) {
        if (answer.length > LARGEST_DICTIONARY) {
            return new StoredAnswer(ZSTD + ":" + Base64.getEncoder().encodeToString(Zstd.compress(answer, LEVEL)), null);
        }
        Dictionary dictionary = learned.computeIfAbsent(kind, k -> new Dictionary(answer));
        ZstdCompressCtx context = contexts.poll();
        if (context == null) {
            context = new ZstdCompressCtx();
        }
        try {
            byte[] compressed = context.loadDict(dictionary.compressor).compress(answer);
            return new StoredAnswer(ZSTD + dictionary.id + ":" + Base64.getEncoder().encodeToString(compressed),
                    dictionary);
        } finally {
            contexts.offer(context);
        }
    }

    /**
     * Writes new dictionaries (id to content) in the caller's transaction, the one writing the first receipts that
     * need them; a dictionary already stored is left as it is.
     */
    void storeDictionaries(Map<String, byte[]> dictionaries) {
        dictionaries.forEach((id, content) -> jdbc.update("insert into answer_dictionary (id, content) select ?, ? "
                + "where not exists (select 1 from answer_dictionary where id = ?)", id,
                new String(content, StandardCharsets.UTF_8), id));
    }

    /** Once they are durable: committed with their first receipts, or journaled with them. */
    void dictionariesStored(Collection<Dictionary> dictionaries) {
        dictionaries.forEach(dictionary -> dictionary.stored = true);
    }

    /**
     * Forgets the dictionaries read so far: the next reads load them from the database again and check them against
     * their ids (what a verification of the log needs, so that a dictionary altered behind its back is noticed).
     */
    void forgetDictionaries() {
        readers.clear();
    }

    /** The text a stored request or answer holds. */
    String read(String stored) {
        if (stored.startsWith(ZSTD)) {
            int colon = stored.indexOf(':', ZSTD.length());
            if (colon < 0) {
                throw new Unreadable("a stored text names no dictionary");
            }
            String id = stored.substring(ZSTD.length(), colon);
            byte[] compressed = base64(stored.substring(colon + 1));
            long size = Zstd.getFrameContentSize(compressed);
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new Unreadable("a stored text is not zstd data");
            }
            try {
                byte[] text = id.isEmpty() ? Zstd.decompress(compressed, (int) size)
                        : Zstd.decompress(compressed, reader(id), (int) size);
                return new String(text, StandardCharsets.UTF_8);
            } catch (ZstdException e) {
                throw new Unreadable("a stored text does not decompress: " + e.getMessage());
            }
        }
        if (stored.startsWith(DEFLATE)) {
            return inflate(base64(stored.substring(DEFLATE.length())));
        }
        return stored;
    }

    private ZstdDictDecompress reader(String id) {
        return readers.computeIfAbsent(id, key -> {
            List<String> content = jdbc.queryForList("select content from answer_dictionary where id = ?",
                    String.class, key);
            if (content.isEmpty()) {
                throw new Unreadable("the dictionary " + key + " its answer was stored against is missing");
            }
            byte[] bytes = content.get(0).getBytes(StandardCharsets.UTF_8);
            if (!Digests.sha256(bytes).equals(key)) {
                throw new Unreadable("the dictionary " + key + " was altered");
            }
            return new ZstdDictDecompress(bytes);
        });
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("a stored text is not base64");
        }
    }

    private static String inflate(byte[] input) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length * 8);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Unreadable("a stored text is truncated");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new Unreadable("a stored text is not deflated data");
        } finally {
            inflater.end();
        }
    }

    /** A stored text that cannot be read back: altered, truncated, or its dictionary is gone. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
