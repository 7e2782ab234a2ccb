package fr.capsules.app.ask.grounding;

import java.util.List;
import java.util.Objects;

/**
 * What {@link GroundingCheck#examine} found in an answer: the sentences to verify, and the sentences
 * written without a citation marker that restate a provided passage, attributed to it.
 *
 * @param warnings in answer order, possibly several per sentence; immutable
 * @param restated in answer order, at most one passage per sentence; immutable
 */
public record Grounding(List<GroundingWarning> warnings, List<RestatedSentence> restated) {

    public Grounding {
        warnings = List.copyOf(warnings);
        restated = List.copyOf(restated);
    }

    /**
     * A sentence without a marker whose content a provided passage holds.
     *
     * @param sentence the sentence exactly as it stands in the answer (emphasis included), so that it
     *     can be found there again; never null
     * @param passage the number of the passage it restates
     */
    public record RestatedSentence(String sentence, int passage) {
        public RestatedSentence {
            Objects.requireNonNull(sentence, "sentence");
        }
    }
}
