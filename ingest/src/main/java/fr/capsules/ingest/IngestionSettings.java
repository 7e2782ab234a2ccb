package fr.capsules.ingest;

import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.ocr.OcrSettings;
import fr.capsules.ingest.parse.ParseLimits;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import java.util.Objects;

/**
 * Bounds and sizes for ingestion.
 *
 * @param maxFileBytes a larger file is rejected before it is read
 * @param ocr how pages without a text layer are read ({@link OcrSettings#defaults()} unless given)
 * @param sandbox where files are parsed: child processes, or this JVM ({@link
 *     SandboxSettings#inProcess()} unless given; the service and the command line use child
 *     processes)
 */
public record IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking, OcrSettings ocr,
        SandboxSettings sandbox) {

    public IngestionSettings {
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /** Parsing in this JVM. */
    public IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking, OcrSettings ocr) {
        this(maxFileBytes, parseLimits, chunking, ocr, SandboxSettings.inProcess());
    }

    /** With the default OCR settings, parsing in this JVM. */
    public IngestionSettings(long maxFileBytes, ParseLimits parseLimits, ChunkingSettings chunking) {
        this(maxFileBytes, parseLimits, chunking, OcrSettings.defaults());
    }

    /** Defaults, parsing in this JVM (tests, embedded use). */
    public static IngestionSettings defaults() {
        return new IngestionSettings(50L * 1024 * 1024, ParseLimits.defaults(), ChunkingSettings.defaults());
    }

    /** The same settings with {@code ocr} for scanned pages. */
    public IngestionSettings withOcr(OcrSettings ocr) {
        return new IngestionSettings(maxFileBytes, parseLimits, chunking, ocr, sandbox);
    }

    /** The same settings, parsing where {@code sandbox} says. */
    public IngestionSettings withSandbox(SandboxSettings sandbox) {
        return new IngestionSettings(maxFileBytes, parseLimits, chunking, ocr, sandbox);
    }

    /** The same settings with other parse limits. */
    public IngestionSettings withParseLimits(ParseLimits limits) {
        return new IngestionSettings(maxFileBytes, limits, chunking, ocr, sandbox);
    }
}
