package fr.capsules.app.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The excluded passages of every capsule, in the database ({@code passage_exclusions}). An
 * exclusion follows the file's content (document ids come from the file's SHA-256): it survives a
 * re-index, and the same file removed then uploaded again stays excluded.
 */
@Repository
public class PassageExclusions {

    private final JdbcClient jdbc;

    PassageExclusions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an exclusion; an already excluded passage keeps its first record, which is returned. */
    PassageExclusion add(PassageExclusion exclusion) {
        Optional<PassageExclusion> existing = find(exclusion.capsuleId(), exclusion.passageId());
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                INSERT INTO passage_exclusions (capsule_id, passage_id, document_id, excluded_by, excluded_at, reason)
                VALUES (:capsule, :passage, :document, :by, :at, :reason)""")
                .param("capsule", exclusion.capsuleId()).param("passage", exclusion.passageId())
                .param("document", exclusion.documentId()).param("by", exclusion.excludedBy())
                .param("at", OffsetDateTime.ofInstant(exclusion.excludedAt(), ZoneOffset.UTC))
                .param("reason", exclusion.reason())
                .update();
        return exclusion;
    }

    /** Removes an exclusion; false when the passage was not excluded. */
    boolean remove(String capsuleId, String passageId) {
        return jdbc.sql("DELETE FROM passage_exclusions WHERE capsule_id = :capsule AND passage_id = :passage")
                .param("capsule", capsuleId).param("passage", passageId).update() > 0;
    }

    Optional<PassageExclusion> find(String capsuleId, String passageId) {
        return jdbc.sql("SELECT * FROM passage_exclusions WHERE capsule_id = :capsule AND passage_id = :passage")
                .param("capsule", capsuleId).param("passage", passageId).query(PassageExclusions::row).optional();
    }

    /** The excluded passages of a capsule, oldest first. */
    public List<PassageExclusion> of(String capsuleId) {
        return jdbc.sql("SELECT * FROM passage_exclusions WHERE capsule_id = :capsule ORDER BY excluded_at, passage_id")
                .param("capsule", capsuleId).query(PassageExclusions::row).list();
    }

    /** The ids of a capsule's excluded passages. */
    public Set<String> idsOf(String capsuleId) {
        return new HashSet<>(jdbc.sql("SELECT passage_id FROM passage_exclusions WHERE capsule_id = :capsule")
                .param("capsule", capsuleId).query(String.class).list());
    }

    private static PassageExclusion row(ResultSet rs, int n) throws SQLException {
        String passageId = rs.getString("passage_id");
        int rank = Integer.parseInt(passageId.substring(passageId.lastIndexOf('#') + 1));
        Instant at = rs.getObject("excluded_at", OffsetDateTime.class).toInstant();
        return new PassageExclusion(rs.getString("capsule_id"), passageId, rs.getString("document_id"), rank + 1,
                rs.getString("excluded_by"), at, rs.getString("reason"));
    }
}
