package org.reglament.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A program the deployment tests run (kubectl, prometheus, promtool, haproxy): found on the PATH or where the system
 * property reglament.test.NAME points. When it is absent the test is skipped, saying which script installs it.
 */
record ExternalProgram(Path executable) {

    /** The program, or the test skipped with a message naming what installs it. */
    static ExternalProgram required(String name) {
        Optional<ExternalProgram> found = find(name);
        assumeTrue(found.isPresent(), name + " is not installed here (.ci/run installs it: .ci/test-tools.sh, "
                + ".ci/haproxy.sh), so this check of the deployment files is skipped");
        return found.get();
    }

    static Optional<ExternalProgram> find(String name) {
        String configured = System.getProperty("reglament.test." + name);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(new ExternalProgram(Path.of(configured)));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(new ExternalProgram(candidate));
            }
        }
        return Optional.empty();
    }

    /** What a run printed on its standard output and its standard error, and how it ended. */
    record Run(int exitCode, String output, String errors) {
    }

    /** Runs to its end, within the time given; a program still running then is killed and the test fails. */
    Run run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        return run(timeout, Map.of(), arguments);
    }

    /** As {@link #run(Duration, String...)}, with these variables added to the program's environment. */
    Run run(Duration timeout, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("reglament-program", ".out");
        Path errors = Files.createTempFile("reglament-program", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // SIGTERM first: a script's cleanup (a server it started, a mount) runs on it, not on SIGKILL.
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** Starts it in the background, its output going to a file; the caller stops it. */
    Process start(Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }
}
