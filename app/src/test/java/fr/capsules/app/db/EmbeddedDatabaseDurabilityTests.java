package fr.capsules.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps every committed row when the process is killed: a child JVM commits
 * through the exact JDBC URL of {@code application.yaml}, then halts without shutting anything down;
 * reopening finds all its rows. (Drafts, validations and audit entries are committed the same way.)
 */
class EmbeddedDatabaseDurabilityTests {

    @TempDir
    Path data;

    @Test
    void everyCommittedRowSurvivesAKill() throws Exception {
        String url = EmbeddedDatabaseUrl.in(data);

        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(), url)
                .redirectErrorStream(true)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("committed 200");

        try (Connection connection = DriverManager.getConnection(url, "capsules", "");
                ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM durability")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(200);
        }
    }
}
