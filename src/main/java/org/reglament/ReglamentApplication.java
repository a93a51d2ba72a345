package org.reglament;

import org.reglament.cli.ReglamentCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReglamentApplication {
    /** {@code reglament registry …} and the other commands run without the server; anything else starts it. */
    public static void main(String[] args) {
        if (ReglamentCommand.handles(args)) {
            System.exit(ReglamentCommand.execute(args));
        }
        SpringApplication.run(ReglamentApplication.class, args);
    }
}
