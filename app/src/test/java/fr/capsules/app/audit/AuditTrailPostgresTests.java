package fr.capsules.app.audit;

import fr.capsules.app.PostgresSchema;
import javax.sql.DataSource;

/**
 * {@link AuditTrailTests} on PostgreSQL, when {@code CAPSULES_TEST_POSTGRES_URL} gives a JDBC URL
 * with user and password (e.g. {@code jdbc:postgresql://localhost:5432/capsules?user=u&password=p});
 * skipped otherwise. Each test runs in a schema of its own, dropped afterwards.
 */
class AuditTrailPostgresTests extends AuditTrailTests {

    private PostgresSchema schema;

    @Override
    protected DataSource newDatabase() {
        schema = PostgresSchema.create("audit_test");
        return schema.dataSource();
    }

    @Override
    protected void dropDatabase() {
        if (schema != null) {
            schema.close();
        }
    }
}
