package fr.capsules.app.web.ui;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.ask.Turn;
import fr.capsules.app.provenance.Provenance;
import fr.capsules.app.usage.Consumption;
import java.util.List;

/**
 * One question and its answer as the chat page shows it: a turn of a reopened conversation, or
 * the answer just given to the form posted without JavaScript (which alone has its warnings and
 * its usage: null for a reopened turn), with the capsule version and model digest it came from.
 */
public record ShownTurn(String question, AnswerText text, AnswerMode mode, String label, String model, List<Citation> citations,
        Consumption usage, Provenance provenance) {

    static ShownTurn of(Turn turn) {
        return new ShownTurn(turn.question(), AnswerText.of(turn.answer(), List.of()), turn.mode(), Answer.LABEL, turn.model(),
                turn.citations(), null, turn.provenance());
    }

    static ShownTurn of(String question, Answer answer) {
        return new ShownTurn(question, AnswerText.of(answer.answer(), answer.warnings()), answer.mode(), answer.label(),
                answer.model(), answer.citations(), answer.usage(), answer.provenance());
    }

    /** A draft is offered from an answer, never from a refusal to answer. */
    public boolean draftable() {
        return mode != AnswerMode.ABSTAINED;
    }
}
