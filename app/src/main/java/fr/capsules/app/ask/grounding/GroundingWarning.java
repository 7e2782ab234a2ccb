package fr.capsules.app.ask.grounding;

import java.util.Objects;

/**
 * One sentence of a generated answer that a reader should check against its sources.
 *
 * @param kind what is wrong with the sentence
 * @param sentence the sentence as written in the answer, citation markers removed; never null
 * @param passage the citation number of the passage the warning refers to (the best-matching cited
 *     passage, or for {@link Kind#UNCITED} a cited passage that seems to cover the sentence); null
 *     when there is none
 * @param passageExcerpt the source sentence of that passage closest to the answer sentence, or the
 *     passage's opening when no sentence matches; null exactly when {@code passage} is null
 * @param message a French explanation for the user; never null
 */
public record GroundingWarning(Kind kind, String sentence, Integer passage, String passageExcerpt, String message) {

    /** What the check found. */
    public enum Kind {
        /** The cited passages do not hold the sentence's content words, or not its figures. */
        UNSUPPORTED,
        /** The sentence and its closest source sentence differ in negation: the meaning is inverted. */
        NEGATION_MISMATCH,
        /**
         * The sentence changes a qualifier of its source: a bound reversed ("au moins" / "au plus"),
         * a restriction ("ne … que") dropped or negated, an exception ("sauf") turned around.
         */
        QUALIFIER_MISMATCH,
        /** A substantive claim with no citation of a known passage. */
        UNCITED
    }

    public GroundingWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(message, "message");
        if ((passage == null) != (passageExcerpt == null)) {
            throw new IllegalArgumentException("passage and passageExcerpt go together");
        }
    }
}
