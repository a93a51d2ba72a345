package org.reglament.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;

/** The stored forms of receipt texts that need no dictionary from the database. */
class ReceiptTextsTest {
    // No database: these forms never look a dictionary up.
    private final ReceiptTexts texts = new ReceiptTexts(null);

    @Test
    void requestsAreStoredAsThemselves() {
        String request = "{\"asOf\":\"2018-10-01\"}";
        assertThat(texts.storeRequest(request)).isEqualTo(request);
        assertThat(texts.read(request)).isEqualTo(request);
    }

    @Test
    void answersTooLargeToBeADictionaryAreCompressedOnTheirOwn() {
        StringBuilder registry = new StringBuilder("{\"services\":[");
        for (int i = 0; registry.length() <= ReceiptTexts.LARGEST_DICTIONARY; i++) {
            registry.append("{\"registryId\":\"4100000000").append(i).append("\",\"name\":\"Услуга № ").append(i).append("\"},");
        }
        String answer = registry.append("{}]}").toString();

        ReceiptTexts.StoredAnswer stored = texts.storeAnswer("registry", answer.getBytes(StandardCharsets.UTF_8));

        assertThat(stored.dictionary()).isNull();
        assertThat(stored.text()).startsWith("zstd::");
        assertThat(stored.text().length()).isLessThan(answer.length() / 5);
        assertThat(texts.read(stored.text())).isEqualTo(answer);
    }

    @Test
    void logsWrittenBeforeZstdStillRead() throws Exception {
        String answer = "{\"decision\":\"action-matrix\",\"why\":\"обращений в год: 101\"}";
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
            out.write(answer.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(texts.read("z:" + Base64.getEncoder().encodeToString(deflated.toByteArray()))).isEqualTo(answer);
    }

    @Test
    void damagedTextsAreUnreadableNotMisread() {
        assertThatThrownBy(() -> texts.read("zstd:no-dictionary-named")).isInstanceOf(ReceiptTexts.Unreadable.class);
        assertThatThrownBy(() -> texts.read("zstd::not base64!")).isInstanceOf(ReceiptTexts.Unreadable.class);
        assertThatThrownBy(() -> texts.read("zstd::" + Base64.getEncoder().encodeToString("not zstd".getBytes())))
                .isInstanceOf(ReceiptTexts.Unreadable.class);
        assertThatThrownBy(() -> texts.read("z:" + Base64.getEncoder().encodeToString("not deflate".getBytes())))
                .isInstanceOf(ReceiptTexts.Unreadable.class);
    }
}
