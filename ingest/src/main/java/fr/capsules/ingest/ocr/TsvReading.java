package fr.capsules.ingest.ocr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Tesseract's TSV output (one row per page, block, paragraph, line and word, with each
 * word's confidence) into a page's paragraphs and its mean word confidence.
 *
 * <p>Columns: level, page_num, block_num, par_num, line_num, word_num, left, top, width, height,
 * conf, text. Words are level 5; their confidence is 0 to 100 (−1 on rows that are not words).
 */
final class TsvReading {

    private static final int LEVEL = 0;
    private static final int BLOCK = 2;
    private static final int PARAGRAPH = 3;
    private static final int LINE = 4;
    private static final int CONFIDENCE = 10;
    private static final int TEXT = 11;

    private TsvReading() {}

    static RecognizedPage read(int page, String tsv) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        StringBuilder line = new StringBuilder();
        String paragraphKey = null;
        String lineKey = null;
        double confidenceSum = 0;
        int words = 0;
        for (String row : tsv.split("\n")) {
            String[] columns = row.split("\t", -1);
            if (columns.length <= TEXT || !"5".equals(columns[LEVEL])) {
                continue;
            }
            String word = columns[TEXT].strip();
            double confidence = parse(columns[CONFIDENCE]);
            if (word.isEmpty() || confidence < 0) {
                continue;
            }
            String thisParagraph = columns[BLOCK] + "." + columns[PARAGRAPH];
            String thisLine = thisParagraph + "." + columns[LINE];
            if (!thisParagraph.equals(paragraphKey)) {
                endLine(paragraph, line);
                endParagraph(paragraphs, paragraph);
                paragraphKey = thisParagraph;
            } else if (!thisLine.equals(lineKey)) {
                endLine(paragraph, line);
            }
            lineKey = thisLine;
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
            confidenceSum += confidence;
            words++;
        }
        endLine(paragraph, line);
        endParagraph(paragraphs, paragraph);
        return new RecognizedPage(page, paragraphs, words == 0 ? 0 : confidenceSum / words, words);
    }

    private static double parse(String confidence) {
        try {
            return Double.parseDouble(confidence.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void endLine(StringBuilder paragraph, StringBuilder line) {
        if (line.isEmpty()) {
            return;
        }
        if (!paragraph.isEmpty()) {
            paragraph.append('\n');
        }
        paragraph.append(line);
        line.setLength(0);
    }

    private static void endParagraph(List<String> paragraphs, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
