package fr.capsules.app.ask;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Conversations kept server-side, each owned by one user on one capsule, with a bounded history.
 * A conversation id given by another user, or for another capsule, is refused exactly like an
 * unknown one. Thread-safe.
 */
@Component
public class Conversations {

    private final ConversationProperties properties;
    private final Map<String, Conversation> byId;

    Conversations(ConversationProperties properties) {
        this.properties = properties;
        this.byId = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
                return size() > properties.maxConversations();
            }
        };
    }

    /** A conversation's owner, capsule and turns, oldest first. */
    public record Conversation(String id, String owner, String capsuleId, Deque<Turn> turns) {}

    /**
     * The earlier turns of a conversation, oldest first; empty for a new conversation.
     *
     * @param isNew true when the caller did not send an id (the id was just generated)
     * @throws ConversationNotFoundException when an id was sent that is not the caller's here
     */
    public synchronized List<Turn> history(String id, boolean isNew, String owner, String capsuleId) {
        Conversation conversation = byId.get(id);
        if (conversation == null) {
            if (!isNew) {
                throw new ConversationNotFoundException();
            }
            return List.of();
        }
        if (!conversation.owner().equals(owner) || !conversation.capsuleId().equals(capsuleId)) {
            throw new ConversationNotFoundException();
        }
        return List.copyOf(conversation.turns());
    }

    /** Appends a turn, creating the conversation on its first turn. */
    public synchronized void append(String id, String owner, String capsuleId, Turn turn) {
        Conversation conversation = byId.computeIfAbsent(id, key -> new Conversation(key, owner, capsuleId, new ArrayDeque<>()));
        if (!conversation.owner().equals(owner) || !conversation.capsuleId().equals(capsuleId)) {
            throw new ConversationNotFoundException();
        }
        conversation.turns().addLast(turn);
        while (conversation.turns().size() > properties.maxTurnsKept()) {
            conversation.turns().removeFirst();
        }
    }

    /** The turns of a conversation the caller owns, for display; empty when unknown. */
    public synchronized List<Turn> turns(String id, String owner) {
        Conversation conversation = byId.get(id);
        return conversation == null || !conversation.owner().equals(owner) ? List.of() : List.copyOf(conversation.turns());
    }

    int turnsInPrompt() {
        return properties.turnsInPrompt();
    }
}
