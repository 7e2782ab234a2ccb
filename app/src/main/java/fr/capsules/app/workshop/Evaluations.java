package fr.capsules.app.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The evaluation runs, kept in the database: the columns to find them, the rest as one JSON document. */
@Component
class Evaluations {

    private static final String COLUMNS = "id, capsule_id, capsule_version, corpus_hash, content_hash, status, started_by,"
            + " started_at, finished_at, passed, model, result";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Evaluations(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What the result column holds. */
    private record Result(String modelDigest, Evaluation.Metrics metrics, Thresholds thresholds,
            List<Evaluation.QuestionResult> questions, List<String> failedChecks, Evaluation.Comparison comparison) {}

    void insert(Evaluation e) {
        jdbc.sql("INSERT INTO evaluations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.capsuleId(), e.capsuleVersion(), e.corpusHash(), e.contentHash(), e.status(), e.startedBy(),
                        at(e.startedAt()), at(e.finishedAt()), e.passed(), e.model(), result(e))
                .update();
    }

    void finish(Evaluation e) {
        jdbc.sql("UPDATE evaluations SET status = ?, finished_at = ?, passed = ?, model = ?, result = ? WHERE id = ?")
                .params(e.status(), at(e.finishedAt()), e.passed(), e.model(), result(e), e.id())
                .update();
    }

    Optional<Evaluation> find(String capsuleId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluations WHERE capsule_id = ? AND id = ?").params(capsuleId, id)
                .query(this::row).optional();
    }

    /** The capsule's runs, latest first. */
    List<Evaluation> of(String capsuleId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluations WHERE capsule_id = ? ORDER BY started_at DESC, id LIMIT ?")
                .params(capsuleId, limit).query(this::row).list();
    }

    /** The capsule's last finished run, if any. */
    Optional<Evaluation> lastFinished(String capsuleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluations WHERE capsule_id = ? AND status = ?"
                        + " ORDER BY finished_at DESC, id LIMIT 1")
                .params(capsuleId, Evaluation.FINISHED).query(this::row).optional();
    }

    /**
     * Runs left "running" by a service that stopped: failed, so that they block nothing. Only the
     * capsules {@code abandoned} accepts: another node may be carrying out the others.
     */
    int abandonRunning(java.util.function.Predicate<String> abandoned) {
        int count = 0;
        List<String> capsules = jdbc.sql("SELECT DISTINCT capsule_id FROM evaluations WHERE status = ?")
                .param(Evaluation.RUNNING).query(String.class).list();
        for (String capsuleId : capsules) {
            if (abandoned.test(capsuleId)) {
                count += jdbc.sql("UPDATE evaluations SET status = ?, finished_at = ? WHERE status = ? AND capsule_id = ?")
                        .params(Evaluation.FAILED, at(Instant.now()), Evaluation.RUNNING, capsuleId).update();
            }
        }
        return count;
    }

    /** The capsule's run under way (on any node), if any. */
    Optional<Evaluation> running(String capsuleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evaluations WHERE capsule_id = ? AND status = ?"
                        + " ORDER BY started_at DESC, id LIMIT 1")
                .params(capsuleId, Evaluation.RUNNING).query(this::row).optional();
    }

    private String result(Evaluation e) {
        return json.writeValueAsString(new Result(e.modelDigest(), e.metrics(), e.thresholds(), e.questions(), e.failedChecks(),
                e.comparison()));
    }

    private Evaluation row(ResultSet rs, int n) throws SQLException {
        String text = rs.getString(12);
        Result r = text == null ? new Result(null, null, null, List.of(), List.of(), null) : json.readValue(text, Result.class);
        Object passed = rs.getObject(10);
        return new Evaluation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)),
                passed == null ? null : rs.getBoolean(10), rs.getString(11), r.modelDigest(), r.metrics(), r.thresholds(),
                r.questions() == null ? List.of() : r.questions(), r.failedChecks() == null ? List.of() : r.failedChecks(),
                r.comparison());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
