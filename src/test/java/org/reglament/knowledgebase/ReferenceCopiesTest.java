package org.reglament.knowledgebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository carries its own copies of the official texts (rules/…/texts) and of the reference calendars
 * (src/test/resources/calendars). Where the project's reference material is beside the repository (../shared, or
 * -Dreglament.shared.dir), the copies must still be identical to it, so that a drift either way is seen; on a clone
 * of the repository alone these tests are skipped, and nothing else needs ../shared.
 */
class ReferenceCopiesTest {
    private static final Path REGULATIONS = KnowledgeBaseFixture.SHARED.resolve("regulations");
    private static final Path CALENDARS = KnowledgeBaseFixture.SHARED.resolve("calendars");
    private static final Path TEST_CALENDARS = Path.of("src/test/resources/calendars");

    @Test
    void theTextsInRulesAreTheReferenceTextsByteForByte() throws IOException {
        assumeTrue(Files.isDirectory(REGULATIONS), "no reference texts at " + REGULATIONS.toAbsolutePath()
                + ": the copies in rules/ are not compared (they are what the tests use in any case)");
        Set<String> referenced = new TreeSet<>();
        for (ActText text : KnowledgeBaseFixture.knowledgeBase().texts().all()) {
            String reference = text.description().reference();
            if (reference == null) {
                continue;
            }
            referenced.add(reference);
            Path original = REGULATIONS.resolve(reference);
            assertThat(original).as("the reference copy of %s", text).isRegularFile();
            assertThat(Files.readAllBytes(KnowledgeBaseFixture.RULES.resolve(text.path())))
                    .as("%s is byte for byte %s", text, original).isEqualTo(Files.readAllBytes(original));
        }
        assertThat(referenced).as("every reference text is carried in rules/").isEqualTo(names(REGULATIONS, ".txt"));
    }

    @Test
    void theReferenceCalendarsInTheTestDataAreTheReferenceCalendars() throws IOException {
        assumeTrue(Files.isDirectory(CALENDARS), "no reference calendars at " + CALENDARS.toAbsolutePath()
                + ": the copies in src/test/resources/calendars are not compared");
        Set<String> files = names(CALENDARS, ".csv");
        assertThat(names(TEST_CALENDARS, ".csv")).isEqualTo(files);
        for (String file : files) {
            assertThat(Files.readAllBytes(TEST_CALENDARS.resolve(file))).as("%s is byte for byte the reference", file)
                    .isEqualTo(Files.readAllBytes(CALENDARS.resolve(file)));
        }
    }

    private static Set<String> names(Path folder, String extension) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
