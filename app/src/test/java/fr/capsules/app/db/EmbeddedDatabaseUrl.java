package fr.capsules.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The exact JDBC URL of the embedded database in {@code application.yaml}, for a given data folder. */
final class EmbeddedDatabaseUrl {

    private EmbeddedDatabaseUrl() {}

    static String in(Path data) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String url = yaml.getObject().getProperty("spring.datasource.url").replace("${capsules.data-dir-absolute}", data.toString());
        assertThat(url).startsWith("jdbc:h2:async:");
        return url;
    }
}
