package fr.capsules.app.draft;

import fr.capsules.app.ask.AnswerWarning;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.provenance.Provenance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts in the database, each saved version kept in {@code draft_versions}. Saving checks the
 * revision the caller read (optimistic locking): two people editing at once cannot silently
 * overwrite each other.
 */
@Repository
public class Drafts {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Drafts(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    void insert(Draft draft) {
        jdbc.sql("""
                INSERT INTO drafts (id, capsule_id, capsule_version, capsule_name, kind, status, model, question, ai_content,
                    content, citations, warnings, edit_share, created_by, created_by_name, created_at, revision,
                    published_version, model_digest, model_absence)
                VALUES (:id, :capsule, :version, :name, :kind, :status, :model, :question, :ai, :content, :citations,
                    :warnings, :share, :creator, :creatorName, :createdAt, :revision, :published, :digest, :absence)""")
                .param("id", draft.id()).param("capsule", draft.capsuleId()).param("version", draft.capsuleVersion())
                .param("name", draft.capsuleName()).param("kind", draft.kind().json()).param("status", draft.status().json())
                .param("model", draft.model()).param("question", draft.question())
                .param("ai", json.writeValueAsString(draft.aiContent())).param("content", json.writeValueAsString(draft.content()))
                .param("citations", json.writeValueAsString(draft.citations()))
                .param("warnings", json.writeValueAsString(draft.warnings())).param("share", draft.editShare())
                .param("creator", draft.createdBy().username()).param("creatorName", draft.createdBy().name())
                .param("createdAt", time(draft.createdAt())).param("revision", draft.revision())
                .param("published", draft.provenance().capsuleVersion(), java.sql.Types.INTEGER)
                .param("digest", draft.provenance().modelDigest(), java.sql.Types.VARCHAR)
                .param("absence", draft.provenance().modelAbsence(), java.sql.Types.VARCHAR)
                .update();
        saveVersion(draft, draft.createdBy().username(), draft.createdAt());
    }

    /**
     * Saves a transition of a draft read at revision {@code next.revision() - 1}.
     *
     * @throws IllegalDraftTransitionException when someone else changed it in between
     */
    @Transactional
    void update(Draft next) {
        int updated = jdbc.sql("""
                UPDATE drafts SET status = :status, content = :content, edit_share = :share,
                    edited_by = :editedBy, edited_at = :editedAt,
                    validated_by = :validatedBy, validated_by_name = :validatedByName, validated_at = :validatedAt,
                    rejected_by = :rejectedBy, rejected_at = :rejectedAt, rejection_reason = :reason,
                    acknowledgements = :acknowledgements, editors = :editors, revision = :revision
                WHERE id = :id AND revision = :previous""")
                .param("status", next.status().json()).param("content", json.writeValueAsString(next.content()))
                .param("share", next.editShare())
                .param("editedBy", next.editedBy() == null ? null : next.editedBy().username())
                .param("editedAt", time(next.editedAt()))
                .param("validatedBy", next.validatedBy() == null ? null : next.validatedBy().username())
                .param("validatedByName", next.validatedBy() == null ? null : next.validatedBy().name())
                .param("validatedAt", time(next.validatedAt()))
                .param("rejectedBy", next.rejectedBy() == null ? null : next.rejectedBy().username())
                .param("rejectedAt", time(next.rejectedAt())).param("reason", next.rejectionReason())
                .param("acknowledgements", next.acknowledgements().isEmpty() ? null : json.writeValueAsString(next.acknowledgements()))
                .param("editors", next.editors().isEmpty() ? null : json.writeValueAsString(next.editors()))
                .param("revision", next.revision()).param("id", next.id()).param("previous", next.revision() - 1)
                .update();
        if (updated != 1) {
            throw new IllegalDraftTransitionException(
                    "ce brouillon a été modifié par quelqu'un d'autre entre-temps : rechargez-le avant de recommencer");
        }
        if (next.status() == DraftStatus.EDITED) {
            saveVersion(next, next.editedBy().username(), next.editedAt());
        }
    }

    private void saveVersion(Draft draft, String author, Instant at) {
        jdbc.sql("INSERT INTO draft_versions (draft_id, revision, content, author, saved_at) VALUES (?, ?, ?, ?, ?)")
                .params(draft.id(), draft.revision(), json.writeValueAsString(draft.content()), author, time(at))
                .update();
    }

    /** Replaces the people the draft is assigned to for validation. */
    @Transactional
    void assign(String draftId, List<Draft.Person> reviewers) {
        jdbc.sql("DELETE FROM draft_reviewers WHERE draft_id = ?").param(draftId).update();
        for (Draft.Person reviewer : reviewers) {
            jdbc.sql("INSERT INTO draft_reviewers (draft_id, username, name) VALUES (?, ?, ?)")
                    .params(draftId, reviewer.username(), reviewer.name()).update();
        }
    }

    public Optional<Draft> find(String id) {
        return jdbc.sql("SELECT * FROM drafts WHERE id = ?").param(id).query(this::map).optional().map(this::withReviewers);
    }

    /**
     * Drafts of the given capsules, newest first.
     *
     * @param status null for all
     */
    public List<Draft> list(Collection<String> capsuleIds, DraftStatus status, int limit) {
        return list(capsuleIds, List.of(), null, status, limit);
    }

    /**
     * What one person's list shows, newest first: every draft of the capsules in {@code allOf}, and in the capsules of
     * {@code ownOf} the drafts {@code username} created or is assigned to validate.
     *
     * @param status null for all
     */
    public List<Draft> list(Collection<String> allOf, Collection<String> ownOf, String username, DraftStatus status,
            int limit) {
        if (allOf.isEmpty() && (ownOf.isEmpty() || username == null)) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        if (!allOf.isEmpty()) {
            conditions.add("capsule_id IN (:all)");
        }
        if (!ownOf.isEmpty() && username != null) {
            conditions.add("(capsule_id IN (:own) AND (created_by = :user"
                    + " OR id IN (SELECT draft_id FROM draft_reviewers WHERE username = :user)))");
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM drafts WHERE (" + String.join(" OR ", conditions) + ")");
        if (status != null) {
            sql.append(" AND status = :status");
        }
        sql.append(" ORDER BY created_at DESC LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        if (!allOf.isEmpty()) {
            statement = statement.param("all", new ArrayList<>(allOf));
        }
        if (!ownOf.isEmpty() && username != null) {
            statement = statement.param("own", new ArrayList<>(ownOf)).param("user", username);
        }
        if (status != null) {
            statement = statement.param("status", status.json());
        }
        return statement.query(this::map).list().stream().map(this::withReviewers).toList();
    }

    private Draft withReviewers(Draft draft) {
        List<Draft.Person> reviewers = jdbc.sql("SELECT username, name FROM draft_reviewers WHERE draft_id = ? ORDER BY name")
                .param(draft.id())
                .query((rs, row) -> new Draft.Person(rs.getString("username"), rs.getString("name")))
                .list();
        return reviewers.isEmpty() ? draft : draft.withReviewers(reviewers);
    }

    /** Every draft of a capsule created in [from, to), for the usage figures. */
    public List<Draft> createdBetween(String capsuleId, Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM drafts WHERE capsule_id = ? AND created_at >= ? AND created_at < ?")
                .params(capsuleId, time(from), time(to))
                .query(this::map)
                .list();
    }

    private Draft map(ResultSet rs, int row) throws SQLException {
        return new Draft(
                rs.getString("id"), rs.getString("capsule_id"), rs.getInt("capsule_version"), rs.getString("capsule_name"),
                DraftKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                DraftStatus.parse(rs.getString("status")), rs.getString("model"), rs.getString("question"),
                json.readValue(rs.getString("ai_content"), DraftContent.class),
                json.readValue(rs.getString("content"), DraftContent.class),
                json.readValue(rs.getString("citations"), new TypeReference<List<Citation>>() {}),
                json.readValue(rs.getString("warnings"), new TypeReference<List<AnswerWarning>>() {}),
                rs.getDouble("edit_share"),
                person(rs, "created_by", "created_by_name"), instant(rs, "created_at"),
                person(rs, "edited_by", "edited_by"), instant(rs, "edited_at"),
                person(rs, "validated_by", "validated_by_name"), instant(rs, "validated_at"),
                person(rs, "rejected_by", "rejected_by"), instant(rs, "rejected_at"),
                rs.getString("rejection_reason"), acknowledgements(rs.getString("acknowledgements")), List.of(),
                editors(rs.getString("editors")), rs.getInt("revision"),
                Provenance.stored(rs.getObject("published_version", Integer.class), rs.getString("model"),
                        rs.getString("model_digest"), rs.getString("model_absence")));
    }

    private List<String> editors(String stored) {
        return stored == null ? List.of() : json.readValue(stored, new TypeReference<List<String>>() {});
    }

    private List<Acknowledgement> acknowledgements(String stored) {
        return stored == null ? List.of() : json.readValue(stored, new TypeReference<List<Acknowledgement>>() {});
    }

    private static Draft.Person person(ResultSet rs, String username, String name) throws SQLException {
        String login = rs.getString(username);
        return login == null ? null : new Draft.Person(login, rs.getString(name));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
