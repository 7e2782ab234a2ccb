package fr.capsules.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Capsules service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CapsulesApplication {

    public static void main(String[] args) {
        SpringApplication.run(CapsulesApplication.class, args);
    }
}
