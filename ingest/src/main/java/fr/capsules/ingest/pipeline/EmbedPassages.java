package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.index.EmbeddingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the embedding model for one vector per passage, when the index holds vectors; if the model
 * fails, the file fails ({@link FailureReason#EMBEDDINGS_UNAVAILABLE}) and nothing of it is
 * indexed, so no document is ever half vectorised. Does nothing for a lexical index.
 */
final class EmbedPassages implements IngestionStage {

    private static final Logger log = LoggerFactory.getLogger(EmbedPassages.class);

    private final PassageEmbedding embedding; // null: the index holds no vectors

    EmbedPassages(PassageEmbedding embedding) {
        this.embedding = embedding;
    }

    @Override
    public void apply(FileIngestion file) {
        if (embedding == null) {
            return;
        }
        try {
            file.vectors(embedding.vectors(file.title(), file.passages()));
        } catch (EmbeddingException e) {
            log.warn("Embedding {} failed: {}", file.name(), e.toString());
            file.fail(FailureReason.EMBEDDINGS_UNAVAILABLE,
                    "le modèle d'embeddings ne répond pas : " + describe(e) + " ; réessayez quand il sera disponible");
        }
    }

    private static String describe(EmbeddingException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "aucune réponse exploitable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
