package fr.capsules.app.document;

/** A re-index was abandoned because the embedding model did not answer; the previous index serves on. */
public final class EmbeddingsUnavailableException extends RuntimeException {

    public EmbeddingsUnavailableException(String reason) {
        super("ré-indexation abandonnée, l'index précédent reste en service : " + reason);
    }
}
