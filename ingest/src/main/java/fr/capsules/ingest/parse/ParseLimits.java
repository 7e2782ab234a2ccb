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
 */
public record ParseLimits(
        Duration timeout, long maxMainMemoryBytes, long maxTextChars, int maxPages, int maxRows) {

    public static ParseLimits defaults() {
        return new ParseLimits(Duration.ofSeconds(60), 64L * 1024 * 1024, 5_000_000, 2_000, 100_000);
    }
}
