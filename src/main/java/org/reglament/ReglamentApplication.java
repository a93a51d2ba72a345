package org.reglament;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReglamentApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReglamentApplication.class, args);
    }
}
