package fr.capsules.app.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link LeasesTests} on PostgreSQL, when {@code CAPSULES_TEST_POSTGRES_URL} gives a JDBC URL with
 * user and password; skipped otherwise. Each test runs in a schema of its own, dropped afterwards.
 */
class LeasesPostgresTests extends LeasesTests {

    private static final String URL = System.getenv("CAPSULES_TEST_POSTGRES_URL");

    private String schema;

    @Override
    protected DataSource newDatabase() {
        assumeTrue(URL != null && !URL.isBlank(), "CAPSULES_TEST_POSTGRES_URL is not set");
        schema = "leases_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return new DriverManagerDataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String statement) {
        try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
