package fr.capsules.app.workshop;

import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.PublishedDefinitions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published definition of each capsule, read from {@code capsule_versions} on every request of
 * its audience (one row by key, so that every node serving the database sees a publication at once);
 * the definition's JSON is parsed once (keyed by its text: rows are written once and never changed).
 */
@Component
class PublishedSnapshots implements PublishedDefinitions {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, CapsuleDefinition> parsed = new ConcurrentHashMap<>();

    PublishedSnapshots(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Row(int version, String definition) {}

    @Override
    public Optional<Published> latest(String capsuleId) {
        return jdbc.sql("SELECT version, definition FROM capsule_versions WHERE capsule_id = ? ORDER BY version DESC LIMIT 1")
                .param(capsuleId)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getString(2)))
                .optional()
                .map(row -> new Published(row.version(), parsed.computeIfAbsent(row.definition(),
                        text -> json.readValue(text, CapsuleDefinition.class))));
    }
}
