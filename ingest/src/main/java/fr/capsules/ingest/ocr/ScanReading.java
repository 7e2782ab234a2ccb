package fr.capsules.ingest.ocr;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What OCR made of a file's scanned pages.
 *
 * @param pages the pages recognised, in page order (some may hold no word)
 * @param failures pages that could not be recognised, with why, in French
 * @param scanned pages without a text layer that hold an image (the candidates for OCR)
 * @param beyondLimit scanned pages not read because of the per-file page limit
 */
public record ScanReading(List<RecognizedPage> pages, SortedMap<Integer, String> failures, int scanned, int beyondLimit) {

    public ScanReading {
        pages = List.copyOf(pages);
        failures = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    static ScanReading of(List<RecognizedPage> pages, Map<Integer, String> failures, int scanned, int beyondLimit) {
        return new ScanReading(pages, new TreeMap<>(failures), scanned, beyondLimit);
    }

    /** Mean confidence over the pages that hold words, weighted by their word counts; 0 when none. */
    public double meanConfidence() {
        int words = pages.stream().mapToInt(RecognizedPage::words).sum();
        return words == 0 ? 0 : pages.stream().mapToDouble(p -> p.confidence() * p.words()).sum() / words;
    }
}
