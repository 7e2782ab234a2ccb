package fr.capsules.ingest.parse;

import java.time.Duration;

/**
 * Bounds applied to the parsing of one file.
 *
 * @param timeout wall-clock time allowed for one file
 * @param maxMainMemoryBytes heap that PDFBox may use for one document's buffers before spilling to
 *     temporary files
 * @param maxTextChars the most characters extracted from one file; beyond it parsing stops and a
 *     warning says the rest was not read
 * @param maxPages the most pages (PDF) or sheets (XLSX) read
 * @param maxRows the most table rows read per sheet or CSV file
 * @param maxDecompressedBytes the most bytes one file may inflate to (the streams of a PDF, the
 *     entries of a DOCX or XLSX, counted as they are inflated); beyond it the file fails with
 *     {@link ParseLimitException}
 */
public record ParseLimits(
        Duration timeout, long maxMainMemoryBytes, long maxTextChars, int maxPages, int maxRows,
        long maxDecompressedBytes) {

    /** 512 MiB. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;

    public ParseLimits {
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive");
        }
    }

    /** With the default bound on decompressed bytes ({@value #DEFAULT_MAX_DECOMPRESSED_BYTES}). */
    public ParseLimits(Duration timeout, long maxMainMemoryBytes, long maxTextChars, int maxPages, int maxRows) {
        this(timeout, maxMainMemoryBytes, maxTextChars, maxPages, maxRows, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }

    public static ParseLimits defaults() {
        return new ParseLimits(Duration.ofSeconds(60), 64L * 1024 * 1024, 5_000_000, 2_000, 100_000);
    }

    /** The same limits with another time limit. */
    public ParseLimits withTimeout(Duration newTimeout) {
        return new ParseLimits(newTimeout, maxMainMemoryBytes, maxTextChars, maxPages, maxRows, maxDecompressedBytes);
    }

    /** The same limits with another bound on decompressed bytes. */
    public ParseLimits withMaxDecompressedBytes(long bytes) {
        return new ParseLimits(timeout, maxMainMemoryBytes, maxTextChars, maxPages, maxRows, bytes);
    }
}
