package fr.capsules.ingest.index;

import java.util.Objects;

/**
 * What a capsule index must have been built with, besides what the implementation fixes itself
 * (its schema and its analysis chain).
 *
 * @param embeddingModel name of the embedding model whose vectors the index holds, "" for none;
 *     never null
 * @param embeddingDimension vector dimension, 0 for none; must be 0 exactly when the model is ""
 */
public record IndexSettings(String embeddingModel, int embeddingDimension) {

    public IndexSettings {
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        if (embeddingDimension < 0 || embeddingModel.isBlank() != (embeddingDimension == 0)) {
            throw new IllegalArgumentException(
                    "an embedding model needs a positive dimension and no model needs 0, got '"
                            + embeddingModel
                            + "', "
                            + embeddingDimension);
        }
        embeddingModel = embeddingModel.strip();
    }

    /**
     * The settings of an index whose vectors come from {@code embedder}: its model name and
     * dimension, so that the index refuses to open once the model changes.
     */
    public static IndexSettings of(Embedder embedder) {
        Objects.requireNonNull(embedder, "embedder");
        return new IndexSettings(embedder.model(), embedder.dimension());
    }

    /** Whether an index with these settings holds a vector per passage. */
    public boolean hasVectors() {
        return embeddingDimension > 0;
    }

    /** Lexical (BM25) search only, no vectors. */
    public static IndexSettings lexicalOnly() {
        return new IndexSettings("", 0);
    }
}
