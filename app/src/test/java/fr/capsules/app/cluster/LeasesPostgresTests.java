package fr.capsules.app.cluster;

import fr.capsules.app.PostgresSchema;
import javax.sql.DataSource;

/**
 * {@link LeasesTests} on PostgreSQL, when {@code CAPSULES_TEST_POSTGRES_URL} gives a JDBC URL with
 * user and password; skipped otherwise. Each test runs in a schema of its own, dropped afterwards.
 */
class LeasesPostgresTests extends LeasesTests {

    private PostgresSchema schema;

    @Override
    protected DataSource newDatabase() {
        schema = PostgresSchema.create("leases_test");
        return schema.dataSource();
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            schema.close();
        }
    }
}
