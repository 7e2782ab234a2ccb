package fr.capsules.ingest.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an index was built, recorded with the index itself (in each commit of a Lucene index) so
 * that an index is never searched with another analysis chain or embedding model than the one
 * that wrote it.
 *
 * @param schemaVersion version of the field layout the implementation wrote
 * @param analyzer name and version of the analysis chain, e.g. "french-light-v1"
 * @param embeddingModel embedding model name, "" for none
 * @param embeddingDimension vector dimension, 0 for none
 */
public record IndexInfo(
        int schemaVersion, String analyzer, String embeddingModel, int embeddingDimension) {

    public IndexInfo {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /** Whether the passages of this index carry embedding vectors. */
    public boolean hasVectors() {
        return embeddingDimension > 0;
    }

    /** Human-readable differences from {@code expected}, empty when they match. */
    public List<String> differencesFrom(IndexInfo expected) {
        List<String> differences = new ArrayList<>();
        if (schemaVersion != expected.schemaVersion) {
            differences.add("schema " + schemaVersion + " instead of " + expected.schemaVersion);
        }
        if (!analyzer.equals(expected.analyzer)) {
            differences.add("analyzer '" + analyzer + "' instead of '" + expected.analyzer + "'");
        }
        if (!embeddingModel.equals(expected.embeddingModel)
                || embeddingDimension != expected.embeddingDimension) {
            differences.add(
                    "embedding model '%s' (dimension %d) instead of '%s' (dimension %d): %s"
                            .formatted(
                                    embeddingModel,
                                    embeddingDimension,
                                    expected.embeddingModel,
                                    expected.embeddingDimension,
                                    embeddingConsequence(expected)));
        }
        return differences;
    }

    private String embeddingConsequence(IndexInfo expected) {
        if (!hasVectors()) {
            return "it holds no vectors for vector search";
        }
        if (!expected.hasVectors()) {
            return "it holds vectors that lexical-only settings would leave unmaintained";
        }
        if (embeddingDimension != expected.embeddingDimension) {
            return "its vectors have another dimension";
        }
        return "vectors of two models are not comparable";
    }
}
