package fr.capsules.ingest;

import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.ocr.OcrSettings;
import fr.capsules.ingest.parse.ParseLimits;
import java.util.Objects;

/**
 * Bounds and sizes for ingestion.
 *
 * @param maxFileBytes a larger file is rejected before it is read
 * @param ocr how pages without a text layer are read ({@link OcrSettings#defaults()} unless given)
 */
public record IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking, OcrSettings ocr) {

    public IngestionSettings {
        Objects.requireNonNull(ocr, "ocr");
    }

    /** With the default OCR settings. */
    public IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking) {
        this(maxFileBytes, parseLimits, chunking, OcrSettings.defaults());
    }

    public static IngestionSettings defaults() {
        return new IngestionSettings(50L * 1024 * 1024, ParseLimits.defaults(), ChunkingSettings.defaults());
    }

    /** The same settings with {@code ocr} for scanned pages. */
    public IngestionSettings withOcr(OcrSettings ocr) {
        return new IngestionSettings(maxFileBytes, parseLimits, chunking, ocr);
    }
}
