package fr.capsules.app.capsule;

import fr.capsules.app.ServiceStop;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions each capsule went through, with when and by whom (the catalogue's own versions are
 * recorded the first time the service runs them). The AI register's first publication and last
 * change dates come from here.
 */
@Component
@Order(0)
public class CapsuleHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CapsuleHistory.class);

    private final JdbcClient jdbc;
    private final Capsules capsules;
    private final ServiceStop stop;

    CapsuleHistory(JdbcClient jdbc, Capsules capsules, ServiceStop stop) {
        this.jdbc = jdbc;
        this.capsules = capsules;
        this.stop = stop;
    }

    /** One recorded version. */
    public record Version(int version, CapsuleStatus status, Instant recordedAt, String actor) {}

    @Override
    public void run(ApplicationArguments args) {
        stop.unlessStopping("Versions du catalogue", log, () -> capsules.all().forEach(c -> record(c.definition(), "catalogue")));
    }

    /**
     * Records a capsule's current version, unless already known. Application nodes that start together on one
     * database record the same catalogue versions at the same instant: the first insert wins, the others find the
     * version recorded, which is what they meant to do.
     */
    public void record(CapsuleDefinition definition, String actor) {
        int known = jdbc.sql("SELECT COUNT(*) FROM capsule_history WHERE capsule_id = ? AND version = ?")
                .params(definition.id(), definition.version()).query(Integer.class).single();
        if (known == 0) {
            try {
                jdbc.sql("INSERT INTO capsule_history (capsule_id, version, status, recorded_at, actor) VALUES (?, ?, ?, ?, ?)")
                        .params(definition.id(), definition.version(), definition.status().json(),
                                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), actor)
                        .update();
            } catch (DuplicateKeyException recordedMeanwhile) {
                // Another node recorded this version between the look-up and the insert.
            }
        }
    }

    /** The versions of a capsule, oldest first. */
    public List<Version> of(String capsuleId) {
        return jdbc.sql("SELECT version, status, recorded_at, actor FROM capsule_history WHERE capsule_id = ? ORDER BY version")
                .param(capsuleId)
                .query((rs, row) -> new Version(rs.getInt(1),
                        CapsuleStatus.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }
}
