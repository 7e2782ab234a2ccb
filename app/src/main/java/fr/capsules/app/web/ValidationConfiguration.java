package fr.capsules.app.web;

import java.util.Locale;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Constraint messages in French whatever the server's locale: they reach referents verbatim. */
@Configuration
class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer frenchMessages() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                hibernate.defaultLocale(Locale.FRENCH).locales(Locale.FRENCH);
            }
        };
    }
}
