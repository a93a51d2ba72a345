package org.reglament;

import org.reglament.cli.ReglamentCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Boot's resource-server auto-configuration is left out: the identity provider's token decoder is built at
 * start by org.reglament.access.IdentityProviderTokens, which says why (Spring's ahead-of-time code).
 */
@SpringBootApplication(exclude = OAuth2ResourceServerAutoConfiguration.class)
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
