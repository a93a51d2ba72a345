package org.reglament.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;

import org.reglament.registry.RegistryCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Reglament's command line, in the same jar as the service: {@code java -jar reglament.jar <command> …} runs a command
 * without starting the web server. Each command is a subcommand listed here (one line to add one).
 */
@Command(name = "reglament", mixinStandardHelpOptions = true, versionProvider = ReglamentCommand.Version.class,
        description = "Executable, cited decisions from the regulations on moving public services into electronic form.",
        subcommands = {
                RegistryCommand.class,
                org.reglament.log.LogCommand.class,
                CommandLine.HelpCommand.class
        })
public class ReglamentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * The first argument names one of the commands: the jar runs it instead of the service. Read from the commands'
     * annotations: building picocli's model of every command only to ask this cost each start of the service a
     * tenth of a second (docs/benchmarks.md, "Ready in 4 s").
     */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (Class<?> subcommand : ReglamentCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command != null && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command and returns its exit code (the command's own, 2 for a wrong command line). */
    public static int execute(String[] args) {
        quietLogging();
        return new CommandLine(new ReglamentCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    /**
     * Without Spring Boot, Logback would print every library's DEBUG lines to the standard output, where a command's
     * output may go: warnings and errors only, on the standard error.
     */
    private static void quietLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // The executable model's compiler warns about every rule it could write better; that is not the user's to fix.
        context.getLogger("org.drools").setLevel(Level.ERROR);
    }

    /** The jar's version (from its manifest). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ReglamentCommand.class.getPackage().getImplementationVersion();
            return new String[] {"reglament " + (version == null ? "(development build)" : version)};
        }
    }
}
