package org.reglament.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reglament.registry.Registry.FORM;
import static org.reglament.registry.RegistryBatchTest.BAD_COUNT;
import static org.reglament.registry.RegistryBatchTest.EXAMPLE;
import static org.reglament.registry.RegistryBatchTest.registry;
import static org.reglament.registry.RegistryBatchTest.utf8Csv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reglament.cli.ReglamentCommand;
import org.reglament.knowledgebase.KnowledgeBaseFixture;
import picocli.CommandLine;

/** {@code reglament registry …}: exit codes a script can use, a summary, and no half-written output. */
class RegistryCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int command(String... args) {
        CommandLine cli = new CommandLine(new ReglamentCommand());
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        // The knowledge base compiled once for the tests, as the command compiles it for itself.
        ((RegistryCommand) cli.getSubcommands().get("registry").getCommand()).knowledgeBase =
                rules -> KnowledgeBaseFixture.knowledgeBase();
        String[] line = Stream.concat(Stream.of("registry"), Stream.of(args)).toArray(String[]::new);
        return cli.execute(line);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void theJarRunsACommandOnlyWhenItsFirstArgumentNamesOne() {
        assertThat(ReglamentCommand.handles(new String[] {"registry", "--in", "x.csv"})).isTrue();
        assertThat(ReglamentCommand.handles(new String[] {"--server.port=8081"})).isFalse();
        assertThat(ReglamentCommand.handles(new String[] {})).isFalse();
        // Every command picocli knows is one the jar runs, and nothing else is.
        for (String command : new picocli.CommandLine(new ReglamentCommand()).getSubcommands().keySet()) {
            assertThat(ReglamentCommand.handles(new String[] {command})).as(command).isTrue();
        }
        assertThat(ReglamentCommand.handles(new String[] {"registries"})).isFalse();
    }

    @Test
    void everyRowDecidedIsExitZeroWithASummary() throws Exception {
        Path in = file("registry.csv", utf8Csv(registry(FORM, List.of(EXAMPLE))));
        Path matrix = dir.resolve("matrix.xlsx");
        assertThat(command("--in", in.toString(), "--out", matrix.toString(), "--as-of", "2018-10-01"))
                .as(err.toString()).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(matrix.toFile())) {
            assertThat(Registry.cell(workbook.getSheetAt(0), 2, 6)).isEqualTo("1");
        }
        assertThat(out.toString()).contains("services: 1, decided: 1, with errors: 0", "edition 1.1",
                "written: " + matrix.toAbsolutePath());
    }

    @Test
    void rowsWithErrorsOrBreachesAreExitOne() throws IOException {
        Path in = file("registry.csv", utf8Csv(registry(FORM, List.of(EXAMPLE, BAD_COUNT))));
        assertThat(command("--in", in.toString(), "--out", dir.resolve("matrix.csv").toString(), "--as-of",
                "2018-10-01")).isEqualTo(1);
        assertThat(out.toString()).contains("with errors: 1");
        Path check = file("check.csv", utf8Csv(registry(Registry.CHECK_FORM,
                List.of(Registry.proposal(EXAMPLE, "1 1 1 1 - 1 1 1 1", "нет")))));
        assertThat(command("--in", check.toString(), "--out", dir.resolve("checked.csv").toString(), "--as-of",
                "2018-10-01", "--mode", "check")).isEqualTo(1);
        assertThat(out.toString()).contains("departing from them: 1", "departures from «3.1.4.5 пошлина или платежи»: 1");
    }

    @Test
    void aReadingOf3143ChosenOnTheCommandLineDecidesTheWorkingGroupsRows() {
        String in = Path.of("examples", "registry-check.csv").toString();
        String checked = dir.resolve("checked.csv").toString();
        command("--in", in, "--out", checked, "--as-of", "2018-10-01", "--mode", "check");
        assertThat(out.toString()).contains("for the Working Group (3.1.4.3 para. 3): 2");
        out.getBuffer().setLength(0);
        command("--in", in, "--out", checked, "--as-of", "2018-10-01", "--mode", "check",
                "--other-cases-decided-by", "agency");
        assertThat(out.toString()).contains("following the recommendations: 7,", "for the Working Group (3.1.4.3 para. 3): 0");

        assertThat(command("--in", in, "--out", checked, "--as-of", "2018-10-01", "--other-cases-decided-by", "nobody"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("\"nobody\" is not one of working-group, agency");
    }

    @Test
    void anUnreadableFileIsExitThreeAndLeavesNoOutput() throws IOException {
        Path in = file("registry.csv", new byte[0]);
        Path matrix = dir.resolve("matrix.csv");
        assertThat(command("--in", in.toString(), "--out", matrix.toString(), "--as-of", "2018-10-01")).isEqualTo(3);
        assertThat(err.toString()).contains("the file is empty");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(in);
        }
        assertThat(command("--in", dir.resolve("absent.csv").toString(), "--out", matrix.toString(), "--as-of",
                "2018-10-01")).isEqualTo(3);
    }

    @Test
    void aWrongCommandLineIsExitTwoAndADateNoEditionCoversIsExitFour() throws IOException {
        Path in = file("registry.csv", utf8Csv(registry(FORM, List.of(EXAMPLE))));
        assertThat(command("--in", in.toString(), "--out", dir.resolve("m.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
        assertThat(command("--in", in.toString(), "--out", dir.resolve("m.pdf").toString(), "--as-of", "2018-10-01"))
                .isEqualTo(2);
        assertThat(command("--in", in.toString(), "--out", dir.resolve("m.csv").toString(), "--as-of", "2018-01-01"))
                .isEqualTo(4);
        assertThat(err.toString()).contains("--as-of 2018-01-01");
    }
}
