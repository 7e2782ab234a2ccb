package fr.capsules.ingest.ocr;

import java.util.List;

/**
 * The text Tesseract read on one page.
 *
 * @param page 1-based page number
 * @param paragraphs the page's paragraphs in reading order, lines joined by {@code \n}; empty when
 *     nothing was read
 * @param confidence mean of the words' confidences, 0 to 100; 0 when no word was read
 * @param words number of words read
 */
public record RecognizedPage(int page, List<String> paragraphs, double confidence, int words) {

    public RecognizedPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The page's text, paragraphs separated by a blank line. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
