package fr.capsules.app.ask;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How well the passages retrieved for a question support an answer ({@link EvidenceGate}).
 *
 * @param level the decision
 * @param score the calibrated estimate (0..1) that the capsule's documents answer the question
 * @param contentTerms the question's content terms (index terms, conversational words left out)
 * @param passageCoverage share of the content terms found in the best single passage
 * @param documentCoverage share found in the best document (its retrieved passages together)
 * @param nearbyCoverage share found anywhere in the retrieved passages
 * @param missingTerms content terms found in no retrieved passage, as index terms
 */
public record Evidence(Level level, double score, int contentTerms, double passageCoverage, double documentCoverage,
        double nearbyCoverage, List<String> missingTerms) {

    public Evidence {
        missingTerms = List.copyOf(missingTerms);
    }

    /** The decision an answer is built on; {@code json()} is the value of the answer's {@code evidence} field. */
    public enum Level {
        /** The documents support an answer: the model writes it from the passages. */
        SUPPORTED,
        /** Some evidence, not enough to answer: the closest passages are shown, labelled as such. */
        WEAK,
        /** Nothing to answer from (or no word to search on). */
        NONE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean supported() {
        return level == Level.SUPPORTED;
    }

    /** A question with no content term at all (stop words, punctuation, only conversational words). */
    public boolean noSearchTerms() {
        return contentTerms == 0;
    }
}
