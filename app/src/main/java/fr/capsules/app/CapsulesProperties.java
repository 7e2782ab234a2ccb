package fr.capsules.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service keeps its state and reads its catalogue.
 *
 * @param dataDir indexes, uploaded documents, users file and (later) the database; created when
 *     absent
 * @param catalogDir the capsule catalogue shipped with the deployment (one folder per capsule)
 * @param usersFile the accounts file; when absent, a bootstrap administrator is created in it
 * @param adminPassword password of the bootstrap administrator; empty = generate one and print it
 *     once in the log
 */
@ConfigurationProperties("capsules")
public record CapsulesProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("capsules") Path catalogDir,
        Path usersFile,
        @DefaultValue("") String adminPassword) {

    public Path usersFileOrDefault() {
        return usersFile != null ? usersFile : dataDir.resolve("users.yaml");
    }

    public Path indexesDir() {
        return dataDir.resolve("indexes");
    }

    public Path uploadedDocumentsDir() {
        return dataDir.resolve("documents");
    }

    public Path capsuleOverridesDir() {
        return dataDir.resolve("catalog");
    }
}
