package fr.capsules.app.ask;

/** A conversation id that is not the caller's (or no longer kept) for this capsule. */
public final class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException() {
        super("conversation inconnue pour cette capsule : reprenez sans conversationId pour en commencer une nouvelle");
    }
}
