package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.IndexSettings;
import java.util.Map;

/**
 * The {@link IndexInfo} of a Lucene index, written as the user data of each commit and read back
 * before the index is opened for writing.
 */
final class CommitData {

    private static final String SCHEMA_KEY = "capsules.schema";
    private static final String ANALYZER_KEY = "capsules.analyzer";
    private static final String MODEL_KEY = "capsules.embedding.model";
    private static final String DIMENSION_KEY = "capsules.embedding.dimension";

    private CommitData() {}

    /** The info an index written today with these settings carries. */
    static IndexInfo expected(IndexSettings settings) {
        return new IndexInfo(
                IndexSchema.VERSION,
                FrenchTextAnalyzer.NAME,
                settings.embeddingModel(),
                settings.embeddingDimension());
    }

    static Map<String, String> of(IndexInfo info) {
        return Map.of(
                SCHEMA_KEY, Integer.toString(info.schemaVersion()),
                ANALYZER_KEY, info.analyzer(),
                MODEL_KEY, info.embeddingModel(),
                DIMENSION_KEY, Integer.toString(info.embeddingDimension()));
    }

    /** Reads the info back; an index without it (foreign or corrupt) reads as schema 0. */
    static IndexInfo read(Map<String, String> data) {
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
}
