package fr.capsules.app.ask;

import fr.capsules.app.kernel.InvalidRequestException;
import java.util.UUID;

/**
 * A checked question: not blank, not longer than the configured bound, control characters
 * removed; and a conversation id that is a UUID.
 */
record Question(String text, String conversationId, boolean newConversation) {

    static Question of(AskRequest request, RetrievalProperties properties) {
        String text = checkedText(request == null ? null : request.question(), properties);
        String conversation = request.conversationId();
        boolean isNew = conversation == null || conversation.isBlank();
        if (isNew) {
            conversation = UUID.randomUUID().toString();
        } else {
            try {
                conversation = UUID.fromString(conversation.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("conversationId invalide : reprenez celui renvoyé par la réponse précédente");
            }
        }
        return new Question(text, conversation, isNew);
    }

    /**
     * The text of a question as sent (ask or search): control characters removed, not blank, not
     * longer than the configured bound.
     */
    static String checkedText(String raw, RetrievalProperties properties) {
        String text = (raw == null ? "" : raw).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("la question est vide : écrivez votre question dans le champ « question »");
        }
        if (text.length() > properties.maxQuestionChars()) {
            throw new InvalidRequestException(
                    "question trop longue (" + text.length() + " caractères ; limite " + properties.maxQuestionChars()
                            + ") : résumez-la ou posez plusieurs questions");
        }
        return text;
    }

    /** The body of {@code POST /api/capsules/{id}/ask}. */
    record AskRequest(String question, String conversationId) {}
}
