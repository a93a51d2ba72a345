package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.reglament.matrix.OtherCasesDecidedBy;

/** The registries in examples/ give what the README shows. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");

    private static Registry.Answer run(String file, RegistryFormat in, RegistryFormat out, RegistryMode mode)
            throws IOException {
        return Registry.run(Files.readAllBytes(EXAMPLES.resolve(file)), new Registries.Input(in, null, null), out, mode,
                LocalDate.of(2018, 10, 1));
    }

    @Test
    void theExampleRegistryInEachFormatAndEncoding() throws IOException {
        Registry.Answer csv = run("registry.csv", RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE);
        assertThat(csv.summary().services()).isEqualTo(10);
        assertThat(csv.summary().withErrors()).isEqualTo(1);
        assertThat(run("registry-windows-1251.csv", RegistryFormat.CSV, RegistryFormat.CSV, RegistryMode.DERIVE)
                .summary().answersDigest()).isEqualTo(csv.summary().answersDigest());

        Registry.Answer xlsx = run("registry.xlsx", RegistryFormat.XLSX, RegistryFormat.XLSX, RegistryMode.DERIVE);
        assertThat(xlsx.summary().services()).isEqualTo(10);
        assertThat(xlsx.summary().withErrors()).isEqualTo(1);
        try (XSSFWorkbook workbook = xlsx.workbook()) {
            Sheet matrix = workbook.getSheet("Реестр");
            assertThat(Registry.cell(matrix, 3, 3)).isEqualTo("41000000000001");
            assertThat(Registry.cell(matrix, 3, 8)).isEqualTo("1");
            assertThat(Registry.cell(workbook.getSheet("Ошибки"), 1, 1)).isEqualTo("41000000000725");
        }
    }

    @Test
    void underTheAgencysReadingOf31433TheWorkingGroupsRowsComply() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary summary = Registry.registries().run(new ByteArrayInputStream(Files.readAllBytes(
                        EXAMPLES.resolve("registry-check.csv"))), new Registries.Input(RegistryFormat.CSV, null, null),
                new Registries.Job(RegistryMode.CHECK, LocalDate.of(2018, 10, 1), RegistryFormat.CSV, null, null,
                        OtherCasesDecidedBy.AGENCY), out, done -> { });
        assertThat(summary.toWorkingGroup()).isZero();
        assertThat(summary.compliant()).isEqualTo(7);
        assertThat(summary.otherCasesDecidedBy()).isEqualTo(OtherCasesDecidedBy.AGENCY);
    }

    @Test
    void theExampleProposalsHaveTwoBreachingMatrices() throws IOException {
        for (String file : new String[] {"registry-check.csv", "registry-check.xlsx"}) {
            RegistryFormat format = file.endsWith(".csv") ? RegistryFormat.CSV : RegistryFormat.XLSX;
            BatchSummary summary = run(file, format, RegistryFormat.CSV, RegistryMode.CHECK).summary();
            assertThat(summary.compliant()).as(file).isEqualTo(5);
            assertThat(summary.nonCompliant()).as(file).isEqualTo(2);
            // 41000000000216 and 41100000000521: at most 100 applications a year and «0» for action 3, a case for the
            // Working Group (3.1.4.3 para. 3), neither compliant nor in breach
            assertThat(summary.toWorkingGroup()).as(file).isEqualTo(2);
            assertThat(summary.withErrors()).as(file).isEqualTo(1);
            assertThat(summary.breachesByRule()).as(file).containsOnlyKeys("3.1.4.3 абз. 1", "3.1.4.3 абз. 2",
                    "3.1.4.4", "3.1.4.6", "3.1.4.7");
        }
    }
}
