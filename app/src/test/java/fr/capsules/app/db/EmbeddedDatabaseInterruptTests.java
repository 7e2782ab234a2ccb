package fr.capsules.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it writes (a cancelled stream, a stop of the service) must not close the
 * embedded database for every other connection: with H2's default file system the interrupt closes
 * the file channel and the database with it ("The database has been closed" for all, until restart).
 * Through the exact JDBC URL of {@code application.yaml}.
 */
class EmbeddedDatabaseInterruptTests {

    @TempDir
    Path data;

    @Test
    void anInterruptedWriterLeavesTheDatabaseOpenForTheOthers() throws Exception {
        String url = EmbeddedDatabaseUrl.in(data);
        try (Connection other = DriverManager.getConnection(url, "capsules", "")) {
            other.createStatement().execute("CREATE TABLE interrupted (id INT PRIMARY KEY, by_thread VARCHAR(20))");

            Thread writer = Thread.ofPlatform().start(() -> {
                try (Connection own = DriverManager.getConnection(url, "capsules", "")) {
                    Thread.currentThread().interrupt();
                    try (Statement insert = own.createStatement()) {
                        insert.execute("INSERT INTO interrupted VALUES (1, 'interrupted')");
                    }
                } catch (SQLException e) {
                    // What happens to the interrupted writer's own row is not the point.
                }
            });
            writer.join(30_000);
            assertThat(writer.isAlive()).isFalse();

            other.createStatement().execute("INSERT INTO interrupted VALUES (2, 'other')");
            try (ResultSet rows = other.createStatement().executeQuery("SELECT by_thread FROM interrupted WHERE id = 2")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("other");
            }
        }
        // And the file reopens with what was committed.
        try (Connection reopened = DriverManager.getConnection(url, "capsules", "");
                ResultSet count = reopened.createStatement().executeQuery("SELECT COUNT(*) FROM interrupted WHERE id = 2")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(1);
        }
    }
}
