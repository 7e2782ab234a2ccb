package fr.capsules.app.web.ui;

import fr.capsules.app.ask.Answer;
import fr.capsules.app.ask.AnswerMode;
import fr.capsules.app.ask.Citation;
import fr.capsules.app.ask.Turn;
import java.util.List;

/**
 * One question and its answer as the chat page shows it: a turn of a reopened conversation, or
 * the answer just given to the form posted without JavaScript (which alone has its warnings).
 */
record ShownTurn(String question, AnswerText text, AnswerMode mode, String label, String model, List<Citation> citations) {

    static ShownTurn of(Turn turn) {
        return new ShownTurn(turn.question(), AnswerText.of(turn.answer(), List.of()), turn.mode(), Answer.LABEL, turn.model(),
                turn.citations());
    }

    static ShownTurn of(String question, Answer answer) {
        return new ShownTurn(question, AnswerText.of(answer.answer(), answer.warnings()), answer.mode(), answer.label(),
                answer.model(), answer.citations());
    }

    /** A draft is offered from an answer, never from a refusal to answer. */
    boolean draftable() {
        return mode != AnswerMode.ABSTAINED;
    }

    /** The rank of a cited passage in its document, for the link to it; null when not recorded. */
    static Integer rank(Citation citation) {
        String id = citation.passageId();
        int hash = id == null ? -1 : id.lastIndexOf('#');
        if (hash < 0) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(hash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
