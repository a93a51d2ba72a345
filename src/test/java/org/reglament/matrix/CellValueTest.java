package org.reglament.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How a set of allowed values reads: in the set's own order, and the same text object each time it is asked for. */
class CellValueTest {
    @Test
    void aSetOfAllowedValuesReadsInItsOwnOrder() {
        assertThat(CellValue.describe(EnumSet.of(CellValue.DASH))).isEqualTo("только «-»");
        assertThat(CellValue.describe(EnumSet.of(CellValue.ONE, CellValue.ZERO))).isEqualTo("«1» или «0»");
        assertThat(CellValue.describe(new LinkedHashSet<>(List.of(CellValue.ZERO, CellValue.ONE))))
                .isEqualTo("«0» или «1»");
        assertThat(CellValue.describe(EnumSet.of(CellValue.ONE, CellValue.ZERO, CellValue.DASH)))
                .isEqualTo("«1» или «0» или «-»");
        assertThat(CellValue.describe(EnumSet.allOf(CellValue.class)))
                .isEqualTo("«1» или «0» или «-» или «discretionary»");
    }

    @Test
    void theSameSetReadsAsTheSameTextObjectSoItsBytesAreKeptByIdentity() {
        assertThat(CellValue.describe(EnumSet.of(CellValue.ZERO, CellValue.DASH)))
                .isSameAs(CellValue.describe(EnumSet.of(CellValue.ZERO, CellValue.DASH)));
    }
}
