package fr.capsules.app.workshop;

import fr.capsules.app.capsule.PublicationProperties;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Each capsule's own evaluation thresholds, and the ones that apply (never below the organisation's). */
@Component
class CapsuleThresholds {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PublicationProperties publication;

    CapsuleThresholds(JdbcClient jdbc, JsonMapper json, PublicationProperties publication) {
        this.jdbc = jdbc;
        this.json = json;
        this.publication = publication;
    }

    /** What the capsule's referents set; empty when they kept the organisation's minimums. */
    Optional<Thresholds> own(String capsuleId) {
        return jdbc.sql("SELECT thresholds FROM capsule_thresholds WHERE capsule_id = ?").param(capsuleId)
                .query(String.class).optional().map(text -> json.readValue(text, Thresholds.class));
    }

    /** The thresholds that apply to the capsule: its own, raised to the organisation's minimums. */
    Thresholds effective(String capsuleId) {
        Thresholds floor = Thresholds.of(publication.minimums());
        return own(capsuleId).map(t -> t.atLeast(floor)).orElse(floor);
    }

    void set(String capsuleId, Thresholds thresholds, String actor) {
        String text = json.writeValueAsString(thresholds.checked());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE capsule_thresholds SET thresholds = ?, updated_by = ?, updated_at = ? WHERE capsule_id = ?")
                .params(text, actor, now, capsuleId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO capsule_thresholds (capsule_id, thresholds, updated_by, updated_at) VALUES (?, ?, ?, ?)")
                    .params(capsuleId, text, actor, now).update();
        }
    }
}
