package fr.capsules.app.ask;

import java.time.Instant;
import java.util.List;

/**
 * One question and its answer in a conversation, with what produced the answer.
 *
 * @param model the model that wrote the answer, null when it was extractive or abstained
 * @param capsuleVersion the capsule's version at the time
 * @param citedDocuments ids of the documents the answer cites
 */
public record Turn(
        String question, String answer, AnswerMode mode, String model, int capsuleVersion, List<String> citedDocuments,
        Instant at) {

    public Turn {
        citedDocuments = List.copyOf(citedDocuments);
    }
}
