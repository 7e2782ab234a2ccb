package fr.capsules.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Capsules service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CapsulesApplication {

    public static void main(String[] args) {
        SpringApplication.run(CapsulesApplication.class, args);
    }
}
