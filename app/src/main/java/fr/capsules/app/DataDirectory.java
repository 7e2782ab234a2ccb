package fr.capsules.app;

import java.nio.file.Path;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Publishes {@code capsules.data-dir-absolute}, the data folder as an absolute path, for settings
 * that cannot take a relative one: the embedded database's JDBC URL ({@code jdbc:h2:async:data/…}
 * is refused by H2, {@code CAPSULES_DATA_DIR=data} must still work). Derived when it is read, so
 * that a data folder set by a property source added later (a test's dynamic properties) is the
 * one the database goes to.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "capsules.data-dir-absolute";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new PropertySource<>("capsulesDataDirectory") {
            @Override
            public Object getProperty(String name) {
                if (!PROPERTY.equals(name)) {
                    return null;
                }
                String configured = environment.getProperty("capsules.data-dir", "data");
                return Path.of(configured).toAbsolutePath().normalize().toString();
            }
        });
    }

    @Override
    public int getOrder() {
        // After the configuration files and the environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
