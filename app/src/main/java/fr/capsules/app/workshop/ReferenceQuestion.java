package fr.capsules.app.workshop;

import java.util.List;

/**
 * A reference question of a capsule: what a referent expects of it.
 *
 * @param id stable identifier (a UUID, given by the service when absent)
 * @param question the question as an agent would ask it
 * @param expectedDocuments the files (names relative to the capsule's documents) that answer it; empty for an
 *     unanswerable question
 * @param expectedFacts short phrases a good answer contains (optional)
 * @param answerable false for a question the documents do not answer: the capsule must decline it
 *     ("sans réponse dans les documents")
 */
public record ReferenceQuestion(String id, String question, List<String> expectedDocuments, List<String> expectedFacts,
        boolean answerable) {

    public ReferenceQuestion {
        expectedDocuments = expectedDocuments == null ? List.of() : List.copyOf(expectedDocuments);
        expectedFacts = expectedFacts == null ? List.of() : List.copyOf(expectedFacts);
    }

    /**
     * What a client sends: {@code answerable} absent means true, unless {@code expected} is {@code none} (the
     * catalogue's other spelling of an unanswerable question).
     */
    public record Submitted(String id, String question, List<String> expectedDocuments, List<String> expectedFacts,
            Boolean answerable, String expected) {

        boolean isAnswerable() {
            if (answerable != null) {
                return answerable;
            }
            return expected == null || !expected.strip().equalsIgnoreCase("none");
        }
    }
}
