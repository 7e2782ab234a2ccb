package fr.capsules.ingest.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an index was built, recorded in each Lucene commit so that an index is never searched with
 * another analysis chain or embedding model than the one that wrote it.
 *
 * @param schemaVersion version of the field layout written by {@link CapsuleIndex}
 * @param analyzer name and version of the analysis chain, e.g. {@link FrenchTextAnalyzer#NAME}
 * @param embeddingModel embedding model name, "" for none
 * @param embeddingDimension vector dimension, 0 for none
 */
public record IndexInfo(
        int schemaVersion, String analyzer, String embeddingModel, int embeddingDimension) {

    static final int CURRENT_SCHEMA = 1;

    private static final String SCHEMA_KEY = "capsules.schema";
    private static final String ANALYZER_KEY = "capsules.analyzer";
    private static final String MODEL_KEY = "capsules.embedding.model";
    private static final String DIMENSION_KEY = "capsules.embedding.dimension";

    public IndexInfo {
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /** Whether the passages of this index carry embedding vectors. */
    public boolean hasVectors() {
        return embeddingDimension > 0;
    }

    /** The info an index written today with these settings carries. */
    static IndexInfo of(IndexSettings settings) {
        return new IndexInfo(
                CURRENT_SCHEMA,
                FrenchTextAnalyzer.NAME,
                settings.embeddingModel(),
                settings.embeddingDimension());
    }

    Map<String, String> toCommitData() {
        return Map.of(
                SCHEMA_KEY, Integer.toString(schemaVersion),
                ANALYZER_KEY, analyzer,
                MODEL_KEY, embeddingModel,
                DIMENSION_KEY, Integer.toString(embeddingDimension));
    }

    /** Reads the info back; an index without it (foreign or corrupt) reads as schema 0. */
    static IndexInfo fromCommitData(Map<String, String> data) {
        try {
            return new IndexInfo(
                    Integer.parseInt(data.getOrDefault(SCHEMA_KEY, "0")),
                    data.getOrDefault(ANALYZER_KEY, "unknown"),
                    data.getOrDefault(MODEL_KEY, ""),
                    Integer.parseInt(data.getOrDefault(DIMENSION_KEY, "0")));
        } catch (NumberFormatException e) {
            return new IndexInfo(0, "unknown", "", 0);
        }
    }

    /** Human-readable differences from {@code expected}, empty when they match. */
    List<String> differencesFrom(IndexInfo expected) {
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
