package fr.capsules.app.workshop;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The published versions, kept in the database; rows are written once and never changed. */
@Component
class CapsuleVersions {

    private static final String COLUMNS = "version, published_at, published_by, content_hash, corpus_hash, model, model_digest,"
            + " evaluation_id, override_reason, rolled_back_from, definition, manifest";
    private static final TypeReference<List<Fingerprints.ManifestEntry>> MANIFEST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Evaluations evaluations;

    CapsuleVersions(JdbcClient jdbc, JsonMapper json, Evaluations evaluations) {
        this.jdbc = jdbc;
        this.json = json;
        this.evaluations = evaluations;
    }

    void insert(String capsuleId, CapsuleVersion v) {
        jdbc.sql("INSERT INTO capsule_versions (capsule_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(capsuleId, v.version(), v.publishedAt().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                        v.publishedBy(), v.contentHash(), v.corpusHash(), v.model(), v.modelDigest(), v.evaluationId(),
                        v.overrideReason(), v.rolledBackFrom(), json.writeValueAsString(v.definition()),
                        json.writeValueAsString(v.manifest()))
                .update();
    }

    /** The capsule's published versions, latest first, without their status (set by the caller). */
    List<CapsuleVersion> of(String capsuleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM capsule_versions WHERE capsule_id = ? ORDER BY version DESC")
                .param(capsuleId).query((rs, n) -> row(capsuleId, rs)).list();
    }

    Optional<CapsuleVersion> find(String capsuleId, int version) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM capsule_versions WHERE capsule_id = ? AND version = ?")
                .params(capsuleId, version).query((rs, n) -> row(capsuleId, rs)).optional();
    }

    /** The latest version alone: one row read, not every version with its evaluation (the register asks per capsule). */
    Optional<CapsuleVersion> latest(String capsuleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM capsule_versions WHERE capsule_id = ? ORDER BY version DESC LIMIT 1")
                .param(capsuleId).query((rs, n) -> row(capsuleId, rs)).optional();
    }


    private CapsuleVersion row(String capsuleId, ResultSet rs) throws SQLException {
        String evaluationId = rs.getString(8);
        Evaluation.Metrics scores = evaluationId == null ? null
                : evaluations.find(capsuleId, evaluationId).map(Evaluation::metrics).orElse(null);
        Object rolledBack = rs.getObject(10);
        return new CapsuleVersion(rs.getInt(1), null, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), evaluationId, rs.getString(9),
                rolledBack == null ? null : rs.getInt(10), json.readValue(rs.getString(11), CapsuleDefinition.class),
                json.readValue(rs.getString(12), MANIFEST), scores);
    }
}
