package fr.capsules.app.ask;

import fr.capsules.app.provenance.Provenance;
import java.time.Instant;
import java.util.List;

/**
 * One question and its answer in a conversation, with what produced the answer.
 *
 * @param model the model that wrote the answer, null when it was extractive or abstained
 * @param capsuleVersion the capsule's version at the time
 * @param citedDocuments ids of the documents the answer cites
 * @param citations the answer's sources, shown again when the conversation is reopened; empty for
 *     turns kept before they were recorded
 * @param provenance the published version and model digest the answer came from; null for turns that are not
 *     stored (earlier messages sent by a client)
 */
public record Turn(
        String question, String answer, AnswerMode mode, String model, int capsuleVersion, List<String> citedDocuments,
        Instant at, List<Citation> citations, Provenance provenance) {

    public Turn {
        citedDocuments = List.copyOf(citedDocuments);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** A turn whose provenance is not known (sent by a client as history). */
    public Turn(String question, String answer, AnswerMode mode, String model, int capsuleVersion, List<String> citedDocuments,
            Instant at, List<Citation> citations) {
        this(question, answer, mode, model, capsuleVersion, citedDocuments, at, citations, null);
    }
}
