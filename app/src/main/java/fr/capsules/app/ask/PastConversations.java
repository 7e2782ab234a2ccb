package fr.capsules.app.ask;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.capsule.Capsules;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The use case behind the list of past conversations, for the API and the pages alike: a person
 * sees, reopens, renames and deletes their own conversations, on capsules they may still see.
 * Anyone else's conversation, or one on a capsule now out of their scope, is not found.
 */
@Component
public class PastConversations {

    /** How many conversations a list shows at most, most recent first. */
    public static final int LISTED = 100;

    private final Capsules capsules;
    private final Conversations conversations;

    PastConversations(Capsules capsules, Conversations conversations) {
        this.capsules = capsules;
        this.conversations = conversations;
    }

    /** A reopened conversation: what it is and its turns, oldest first. */
    public record Opened(Conversations.Summary summary, List<Turn> turns) {}

    /** The person's conversations on a capsule (404 for a capsule they may not see). */
    public List<Conversations.Summary> list(String capsuleId, CapsulesUser user) {
        String id = capsules.require(capsuleId, user).definition().id();
        return conversations.of(user.username(), id, LISTED);
    }

    /** Days a conversation is kept after its last question, to tell people. */
    public long retentionDays() {
        return conversations.retention().toDays();
    }

    public Opened open(String conversationId, CapsulesUser user) {
        Conversations.Summary summary = owned(conversationId, user);
        return new Opened(summary, conversations.turns(summary.id()));
    }

    public Conversations.Summary rename(String conversationId, String title, CapsulesUser user) {
        owned(conversationId, user);
        return conversations.rename(conversationId, user.username(), title);
    }

    /** Deletes the conversation; returns the capsule it was on. */
    public String delete(String conversationId, CapsulesUser user) {
        Conversations.Summary summary = owned(conversationId, user);
        conversations.delete(conversationId, user.username());
        return summary.capsuleId();
    }

    private Conversations.Summary owned(String conversationId, CapsulesUser user) {
        Conversations.Summary summary = conversations.require(conversationId, user.username());
        capsules.require(summary.capsuleId(), user);
        return summary;
    }
}
