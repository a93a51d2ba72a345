package org.reglament.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class OpenApiDescription {
    @Bean
    public OpenAPI reglamentApi() {
        return new OpenAPI().info(new Info().title("Reglament decision API").version("v1")
                .description("Executable, cited decisions from the regulations on electronic public services. "
                        + "Every answer names the edition applied, the rules fired and their citations; "
                        + "the date decided for is always the request's asOf, never the server clock."));
    }
}
