package fr.capsules.app.ask;

import fr.capsules.app.provenance.Provenance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations kept in the database, each owned by one user on one capsule, with a bounded
 * history (the oldest turns are dropped). A conversation id given by another user, or for another
 * capsule, is refused exactly like an unknown one. Each turn keeps the model and the capsule
 * version that produced its answer, and its sources. Owners list, reopen, rename and delete their
 * conversations; anyone else's are answered as unknown. Conversations idle longer than the
 * retention are purged ({@link ConversationPurge}).
 */
@Component
public class Conversations {

    private final ConversationProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Conversations(ConversationProperties properties, JdbcClient jdbc, JsonMapper json) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Owner(String owner, String capsuleId) {}

    private Optional<Owner> owner(String id) {
        return jdbc.sql("SELECT owner, capsule_id FROM conversations WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Owner(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /**
     * The earlier turns of a conversation, oldest first; empty for a new conversation.
     *
     * @param isNew true when the caller did not send an id (the id was just generated)
     * @throws ConversationNotFoundException when an id was sent that is not the caller's here
     */
    public List<Turn> history(String id, boolean isNew, String owner, String capsuleId) {
        Optional<Owner> found = owner(id);
        if (found.isEmpty()) {
            if (!isNew) {
                throw new ConversationNotFoundException();
            }
            return List.of();
        }
        if (!found.get().equals(new Owner(owner, capsuleId))) {
            throw new ConversationNotFoundException();
        }
        return turns(id);
    }

    /** Appends a turn, creating the conversation on its first turn, and drops turns beyond the bound. */
    @Transactional
    public void append(String id, String owner, String capsuleId, Turn turn) {
        Optional<Owner> found = owner(id);
        if (found.isEmpty()) {
            jdbc.sql("INSERT INTO conversations (id, owner, capsule_id, created_at, updated_at, title) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, owner, capsuleId, turn.at().atOffset(ZoneOffset.UTC), turn.at().atOffset(ZoneOffset.UTC),
                            ConversationTitle.of(turn.question()))
                    .update();
        } else if (!found.get().equals(new Owner(owner, capsuleId))) {
            throw new ConversationNotFoundException();
        } else {
            jdbc.sql("UPDATE conversations SET updated_at = ? WHERE id = ?").params(turn.at().atOffset(ZoneOffset.UTC), id).update();
        }
        Provenance provenance = turn.provenance();
        int next = jdbc.sql("SELECT COALESCE(MAX(turn), 0) + 1 FROM conversation_turns WHERE conversation_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO conversation_turns (conversation_id, turn, question, answer, mode, model, capsule_version,
                    cited_documents, asked_at, citations, published_version, model_digest, model_absence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, next, turn.question(), turn.answer(), turn.mode().json(), turn.model(), turn.capsuleVersion(),
                        json.writeValueAsString(turn.citedDocuments()), turn.at().atOffset(ZoneOffset.UTC),
                        json.writeValueAsString(turn.citations()),
                        provenance == null ? null : provenance.capsuleVersion(),
                        provenance == null ? null : provenance.modelDigest(),
                        provenance == null ? null : provenance.modelAbsence())
                .update();
        jdbc.sql("DELETE FROM conversation_turns WHERE conversation_id = ? AND turn <= ?")
                .params(id, next - properties.maxTurnsKept())
                .update();
    }

    /** The turns of a conversation, oldest first (empty when unknown). */
    public List<Turn> turns(String id) {
        return jdbc.sql("SELECT * FROM conversation_turns WHERE conversation_id = ? ORDER BY turn")
                .param(id)
                .query(this::turn)
                .list();
    }

    /** Questions asked of a capsule in [from, to), for the usage figures. */
    public long questionsAsked(String capsuleId, java.time.Instant from, java.time.Instant to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM conversation_turns t JOIN conversations c ON c.id = t.conversation_id
                WHERE c.capsule_id = ? AND t.asked_at >= ? AND t.asked_at < ?""")
                .params(capsuleId, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /**
     * A conversation as its owner sees it in a list.
     *
     * @param updatedAt when its last question was asked; the retention counts from it
     */
    public record Summary(String id, String capsuleId, String title, Instant createdAt, Instant updatedAt, int turns) {}

    private static final String SUMMARY = """
            SELECT c.id, c.capsule_id, c.title, c.created_at, c.updated_at,
                (SELECT COUNT(*) FROM conversation_turns t WHERE t.conversation_id = c.id) AS turns
            FROM conversations c""";

    /** The owner's conversations on a capsule, most recent first, at most {@code limit}. */
    public List<Summary> of(String owner, String capsuleId, int limit) {
        return jdbc.sql(SUMMARY + " WHERE c.owner = ? AND c.capsule_id = ? ORDER BY c.updated_at DESC, c.id LIMIT ?")
                .params(owner, capsuleId, limit)
                .query(this::summary)
                .list();
    }

    /**
     * The owner's conversation.
     *
     * @throws ConversationNotFoundException when it does not exist or is someone else's
     */
    public Summary require(String id, String owner) {
        return jdbc.sql(SUMMARY + " WHERE c.id = ? AND c.owner = ?")
                .params(id, owner)
                .query(this::summary)
                .optional()
                .orElseThrow(ConversationNotFoundException::new);
    }

    /** Gives the owner's conversation a title of their own (checked by {@link ConversationTitle}). */
    @Transactional
    public Summary rename(String id, String owner, String title) {
        require(id, owner);
        jdbc.sql("UPDATE conversations SET title = ? WHERE id = ? AND owner = ?")
                .params(ConversationTitle.chosen(title), id, owner)
                .update();
        return require(id, owner);
    }

    /** Deletes the owner's conversation and its turns. */
    @Transactional
    public void delete(String id, String owner) {
        require(id, owner);
        jdbc.sql("DELETE FROM conversation_turns WHERE conversation_id = ?").param(id).update();
        jdbc.sql("DELETE FROM conversations WHERE id = ? AND owner = ?").params(id, owner).update();
    }

    /** Deletes every conversation whose last question is older than {@code cutoff}; how many. */
    @Transactional
    public int purgeIdleSince(Instant cutoff) {
        OffsetDateTime at = cutoff.atOffset(ZoneOffset.UTC);
        jdbc.sql("DELETE FROM conversation_turns WHERE conversation_id IN (SELECT id FROM conversations WHERE updated_at < ?)")
                .param(at).update();
        return jdbc.sql("DELETE FROM conversations WHERE updated_at < ?").param(at).update();
    }

    private Summary summary(ResultSet rs, int row) throws SQLException {
        return new Summary(rs.getString("id"), rs.getString("capsule_id"), rs.getString("title"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getInt("turns"));
    }

    /** How long a conversation is kept after its last question. */
    public java.time.Duration retention() {
        return properties.retention();
    }

    int turnsInPrompt() {
        return properties.turnsInPrompt();
    }

    private Turn turn(ResultSet rs, int row) throws SQLException {
        return new Turn(
                rs.getString("question"), rs.getString("answer"),
                AnswerMode.valueOf(rs.getString("mode").toUpperCase(java.util.Locale.ROOT)), rs.getString("model"),
                rs.getInt("capsule_version"),
                json.readValue(rs.getString("cited_documents"), new TypeReference<List<String>>() {}),
                rs.getObject("asked_at", OffsetDateTime.class).toInstant(),
                rs.getString("citations") == null ? List.of()
                        : json.readValue(rs.getString("citations"), new TypeReference<List<Citation>>() {}),
                Provenance.stored(rs.getObject("published_version", Integer.class), rs.getString("model"),
                        rs.getString("model_digest"), rs.getString("model_absence")));
    }
}
