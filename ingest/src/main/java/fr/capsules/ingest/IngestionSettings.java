package fr.capsules.ingest;

import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.parse.ParseLimits;

/**
 * Bounds and sizes for ingestion.
 *
 * @param maxFileBytes a larger file is rejected before it is read
 */
public record IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking) {

    public static IngestionSettings defaults() {
        return new IngestionSettings(50L * 1024 * 1024, ParseLimits.defaults(), ChunkingSettings.defaults());
    }
}
