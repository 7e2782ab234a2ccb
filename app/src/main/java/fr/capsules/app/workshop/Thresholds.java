package fr.capsules.app.workshop;

import fr.capsules.app.capsule.PublicationProperties;
import fr.capsules.app.kernel.InvalidRequestException;

/**
 * What an evaluation must reach for the capsule to be published, as shares between 0 and 1. A
 * capsule's own thresholds may be stricter than the organisation's minimums, never laxer:
 * {@link #atLeast} keeps the stricter of each.
 *
 * @param hitAt5 lowest share of answerable questions whose expected document is among the first five
 * @param answerableAbstained highest share of answerable questions declined
 * @param unanswerableAnswered highest share of unanswerable questions answered
 * @param factsFound lowest share of expected facts found in the model's answers (when a model answered)
 */
public record Thresholds(Double hitAt5, Double answerableAbstained, Double unanswerableAnswered, Double factsFound) {

    static Thresholds of(PublicationProperties.Minimums m) {
        return new Thresholds(m.hitAt5(), m.answerableAbstained(), m.unanswerableAnswered(), m.factsFound());
    }

    /** Each threshold the stricter of this one's (when set) and the floor's. */
    Thresholds atLeast(Thresholds floor) {
        return new Thresholds(
                hitAt5 == null ? floor.hitAt5 : Math.max(hitAt5, floor.hitAt5),
                answerableAbstained == null ? floor.answerableAbstained : Math.min(answerableAbstained, floor.answerableAbstained),
                unanswerableAnswered == null ? floor.unanswerableAnswered : Math.min(unanswerableAnswered, floor.unanswerableAnswered),
                factsFound == null ? floor.factsFound : Math.max(factsFound, floor.factsFound));
    }

    /** @throws InvalidRequestException when a value is outside 0–1 */
    Thresholds checked() {
        check("hitAt5", hitAt5);
        check("answerableAbstained", answerableAbstained);
        check("unanswerableAnswered", unanswerableAnswered);
        check("factsFound", factsFound);
        return this;
    }

    private static void check(String name, Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            throw new InvalidRequestException(name + " doit être compris entre 0 et 1 (reçu : " + value + ")");
        }
    }
}
