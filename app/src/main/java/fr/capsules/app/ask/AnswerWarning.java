package fr.capsules.app.ask;

/**
 * Something the agent must know before trusting an answer.
 *
 * @param kind stable identifier: {@code citation-removed}, {@code unsupported}, {@code
 *     negation-mismatch}, {@code uncited}, {@code model-unavailable}, {@code invisible-characters}
 *     (removed from the question)
 * @param message French sentence for the agent
 * @param sentence the answer's sentence concerned, or null
 * @param passage the citation number concerned, or null
 * @param passageExcerpt the source text it was compared with, or null
 */
public record AnswerWarning(String kind, String message, String sentence, Integer passage, String passageExcerpt) {

    public static AnswerWarning of(String kind, String message) {
        return new AnswerWarning(kind, message, null, null, null);
    }
}
