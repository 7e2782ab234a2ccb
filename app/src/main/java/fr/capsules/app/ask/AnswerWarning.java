package fr.capsules.app.ask;

/**
 * Something the agent must know before trusting an answer.
 *
 * @param kind stable identifier: {@code citation-removed}, {@code unsupported}, {@code
 *     negation-mismatch}, {@code uncited}, {@code model-unavailable}, {@code invisible-characters}
 *     (removed from the question), {@code model-output-incomplete} (the model's output did not arrive whole),
 *     {@code index-partial} (a part of a distributed index did not answer the search)
 * @param message French sentence for the agent
 * @param sentence the answer's sentence concerned, or null
 * @param passage the citation number concerned, or null
 * @param passageExcerpt the source text it was compared with, or null
 */
public record AnswerWarning(String kind, String message, String sentence, Integer passage, String passageExcerpt) {

    /** The kind of the warning that marks an answer whose model output did not arrive whole. */
    public static final String INCOMPLETE = "model-output-incomplete";

    /** The warning of an answer whose model output did not arrive whole, saying why. */
    public static AnswerWarning incomplete(fr.capsules.app.llm.OutputDefect defect) {
        return of(INCOMPLETE, "Réponse incomplète : " + defect.sentence() + ". Vérifiez-la et complétez-la avant tout usage.");
    }

    public static AnswerWarning of(String kind, String message) {
        return new AnswerWarning(kind, message, null, null, null);
    }
}
