package fr.capsules.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own on the tests' PostgreSQL database ({@code CAPSULES_TEST_POSTGRES_URL}, a JDBC
 * URL with user and password), created by {@link #create} and dropped with all it holds by {@link
 * #close}. {@link #create} skips the calling test when the variable is not set.
 */
public final class PostgresSchema implements AutoCloseable {

    private static final String URL = System.getenv("CAPSULES_TEST_POSTGRES_URL");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** Creates {@code <prefix>_<random>}; skips the test when no PostgreSQL database is configured. */
    public static PostgresSchema create(String prefix) {
        assumeTrue(URL != null && !URL.isBlank(), "CAPSULES_TEST_POSTGRES_URL is not set");
        PostgresSchema schema = new PostgresSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** The JDBC URL whose connections work in this schema. */
    public String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** A data source without a pool, on {@link #url}. */
    public DataSource dataSource() {
        return new DriverManagerDataSource(url());
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String statement) {
        try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
