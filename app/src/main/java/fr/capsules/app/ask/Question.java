package fr.capsules.app.ask;

import fr.capsules.app.kernel.InvalidRequestException;
import fr.capsules.ingest.screen.InvisibleCharacters;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A checked question: not blank, not longer than the configured bound, control characters
 * removed, invisible characters (Unicode tags, zero-width, bidirectional controls) removed and
 * counted, as in documents; and a conversation id that is a UUID.
 *
 * @param earlier the turns before this question as the client keeps them (the OpenAI-compatible
 *     API resends the whole conversation each time); null when the service keeps the conversation
 * @param via the entry point, recorded in the audit entry when it is not the ask endpoint or the
 *     pages (e.g. {@code openai}); null otherwise
 * @param invisibleCharacters how many invisible characters were removed
 * @param invisibleSummary the French sentence saying which, or null when none were
 */
public record Question(String text, String conversationId, boolean newConversation, List<Turn> earlier, String via,
        int invisibleCharacters, String invisibleSummary) {

    public Question {
        earlier = earlier == null ? null : List.copyOf(earlier);
    }

    /** The entry point of the reference questions an evaluation run asks ({@code via}). */
    public static final String EVALUATION = "evaluation";

    /**
     * A reference question asked by an evaluation run: checked like an asked question, outside any
     * conversation (the answer is kept in no one's conversation list).
     */
    public static Question forEvaluation(String text, RetrievalProperties properties) {
        InvisibleCharacters invisible = new InvisibleCharacters();
        String checked = checkedText(text, properties, invisible);
        return new Question(checked, UUID.randomUUID().toString(), true, List.of(), EVALUATION, invisible.total(),
                summary(invisible));
    }

    /** Control characters other than line feeds and tabs. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

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
        return new Question(text, conversation, isNew, null, null, invisible.total(), summary(invisible));
    }

    /** The French sentence saying which invisible characters were removed, or null when none were. */
    private static String summary(InvisibleCharacters invisible) {
        String summary = invisible.summary();
        if (summary != null && !invisible.smuggledText().isEmpty()) {
            summary += " ; ils formaient le texte caché « " + abbreviate(invisible.smuggledText()) + " »";
        }
        return summary;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /**
     * A question from a client that keeps the conversation itself: checked like one sent to the ask
     * endpoint; each earlier turn is cut to the question bound, so what the client resends cannot
     * swell the prompt.
     */
    public static Question fromClient(String question, List<Turn> earlier, String via, RetrievalProperties properties) {
        InvisibleCharacters invisible = new InvisibleCharacters();
        String text = checkedText(question, properties, invisible);
        List<Turn> bounded = earlier.stream()
                .map(t -> new Turn(cut(t.question(), properties), cut(t.answer(), properties), t.mode(), t.model(),
                        t.capsuleVersion(), t.citedDocuments(), t.at(), t.citations()))
                .toList();
        return new Question(text, UUID.randomUUID().toString(), true, bounded, via, invisible.total(), summary(invisible));
    }

    private static String cut(String text, RetrievalProperties properties) {
        String flat = cleaned(text, new InvisibleCharacters());
        return flat.length() <= properties.maxQuestionChars() ? flat : flat.substring(0, properties.maxQuestionChars()) + "…";
    }

    /**
     * The text of a question as sent (ask or search): invisible and control characters removed, not
     * blank, not longer than the configured bound.
     */
    static String checkedText(String raw, RetrievalProperties properties) {
        return checkedText(raw, properties, new InvisibleCharacters());
    }

    private static String checkedText(String raw, RetrievalProperties properties, InvisibleCharacters invisible) {
        String text = cleaned(raw, invisible);
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

    /** The text with invisible characters removed (and counted) and other control characters made spaces. */
    private static String cleaned(String raw, InvisibleCharacters invisible) {
        return CONTROL.matcher(invisible.strip(raw == null ? "" : raw)).replaceAll(" ").strip();
    }

    /** The body of {@code POST /api/capsules/{id}/ask}. */
    record AskRequest(String question, String conversationId) {}
}
