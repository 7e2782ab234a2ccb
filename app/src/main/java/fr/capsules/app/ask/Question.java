package fr.capsules.app.ask;

import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.ingest.screen.InvisibleCharacters;
import java.util.UUID;

/**
 * A checked question: not blank, not longer than the configured bound, control characters
 * removed, invisible characters (Unicode tags, zero-width, bidirectional controls) removed and
 * counted, as in documents; and a conversation id that is a UUID.
 *
 * @param invisibleCharacters how many invisible characters were removed
 * @param invisibleSummary the French sentence saying which, or null when none were
 */
record Question(String text, String conversationId, boolean newConversation, int invisibleCharacters,
        String invisibleSummary) {

    static Question of(AskRequest request, RetrievalProperties properties) {
        InvisibleCharacters invisible = new InvisibleCharacters();
        String text = checkedText(request == null ? null : request.question(), properties, invisible);
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
        String summary = invisible.summary();
        if (summary != null && !invisible.smuggledText().isEmpty()) {
            summary += " ; ils formaient le texte caché « " + abbreviate(invisible.smuggledText()) + " »";
        }
        return new Question(text, conversation, isNew, invisible.total(), summary);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /**
     * The text of a question as sent (ask or search): invisible and control characters removed, not
     * blank, not longer than the configured bound.
     */
    static String checkedText(String raw, RetrievalProperties properties) {
        return checkedText(raw, properties, new InvisibleCharacters());
    }

    private static String checkedText(String raw, RetrievalProperties properties, InvisibleCharacters invisible) {
        String text = invisible.strip(raw == null ? "" : raw).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ").strip();
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
