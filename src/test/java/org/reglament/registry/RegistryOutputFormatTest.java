package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The format a registry's answer is written in, as its Accept asks (RFC 9110 §12.5.1), aliases of a format's type included. */
class RegistryOutputFormatTest {
    private static RegistryFormat output(String accept, RegistryFormat input) throws RegistryController.NotAcceptable {
        return RegistryController.output(accept, input);
    }

    @Test
    void anAliasOfAFormatsTypeAsksForThatFormat() throws Exception {
        assertThat(output("application/jsonl", RegistryFormat.CSV)).isEqualTo(RegistryFormat.JSONL);
        assertThat(output("application/jsonlines", RegistryFormat.CSV)).isEqualTo(RegistryFormat.JSONL);
        assertThat(output("application/csv", RegistryFormat.XLSX)).isEqualTo(RegistryFormat.CSV);
        assertThat(output("application/jsonl, */*;q=0.1", RegistryFormat.CSV)).isEqualTo(RegistryFormat.JSONL);
        // Refused by its alias, the format is refused: the wildcard beside it takes another.
        assertThat(output("application/jsonl;q=0, */*", RegistryFormat.JSONL)).isNotEqualTo(RegistryFormat.JSONL);
        assertThat(output("application/csv;q=0, */*", RegistryFormat.CSV)).isNotEqualTo(RegistryFormat.CSV);
    }

    @Test
    void theInputsFormatWhenAnyWillDoAndTheMostSpecificRangeOtherwise() throws Exception {
        assertThat(output(null, RegistryFormat.XLSX)).isEqualTo(RegistryFormat.XLSX);
        assertThat(output("*/*", RegistryFormat.XLSX)).isEqualTo(RegistryFormat.XLSX);
        assertThat(output("text/*;q=0, */*", RegistryFormat.CSV)).isNotEqualTo(RegistryFormat.CSV);
        assertThat(output("text/csv;q=0.5, */*;q=0.9", RegistryFormat.CSV)).isNotEqualTo(RegistryFormat.CSV);
        assertThat(output("text/csv;q=0.9, */*;q=0.5", RegistryFormat.JSONL)).isEqualTo(RegistryFormat.CSV);
    }

    @Test
    void amongRangesAsSpecificTheFirstSentSaysAsOnTheJsonEndpoints() throws Exception {
        assertThatThrownBy(() -> output("text/csv;q=0, text/csv", RegistryFormat.CSV))
                .isInstanceOf(RegistryController.NotAcceptable.class);
        assertThat(output("text/csv, text/csv;q=0", RegistryFormat.XLSX)).isEqualTo(RegistryFormat.CSV);
    }
}
