package fr.capsules.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database keeps accepting writes after the connection that migrated it is closed, as
 * the connection pool does after its maximum lifetime (30 minutes) while the service runs on. H2 2.4
 * loses CHECK constraints on string literals in that case and then refuses every insert into their
 * table ("Check constraint invalid"): a service on the embedded defaults refused every answer record
 * and draft after half an hour.
 */
class EmbeddedMigrationsTests {

    @TempDir
    Path data;

    @Test
    void writesAreAcceptedAfterTheMigratingConnectionIsClosed() throws Exception {
        String url = EmbeddedDatabaseUrl.in(data);

        // A pooled connection outlives the migration, keeping the database open, as in the service.
        try (Connection pooled = DriverManager.getConnection(url, "capsules", "")) {
            Flyway.configure().dataSource(url, "capsules", "").locations("classpath:db/migration").load().migrate();

            try (Connection later = DriverManager.getConnection(url, "capsules", "");
                    PreparedStatement insert = later.prepareStatement("""
                            INSERT INTO usage_records (recorded_at, usage_month, capsule_id, service, kind, mode,
                                prompt_tokens, completion_tokens, prompt_eval_ns, eval_ns, load_ns, total_ns, energy_wh, carbon_g)
                            VALUES (?, '2026-12', 'reclamations', 'inspection', ?, 'generative', 120, 40, 1, 1, 1, 1, 0.1, 0.01)
                            """)) {
                for (String kind : new String[] {"answer", "row", "draft"}) {
                    insert.setObject(1, OffsetDateTime.now());
                    insert.setString(2, kind);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (Statement count = pooled.createStatement();
                    var rows = count.executeQuery("SELECT COUNT(*) FROM usage_records")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3);
            }
        }
    }
}
