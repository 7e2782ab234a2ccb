package fr.capsules.app;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes {@code capsules.data-dir-absolute}, the data folder as an absolute path, for settings
 * that cannot take a relative one: the embedded database's JDBC URL ({@code jdbc:h2:file:data/…}
 * is refused by H2, {@code CAPSULES_DATA_DIR=data} must still work).
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "capsules.data-dir-absolute";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("capsules.data-dir", "data");
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addLast(new MapPropertySource("capsulesDataDirectory", Map.of(PROPERTY, absolute)));
    }

    @Override
    public int getOrder() {
        // After the configuration files and the environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
