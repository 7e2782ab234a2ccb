package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of all pages of a PDF into headings and paragraphs. Typography is compared with
 * the body size of the whole document (the size carrying most glyphs), so a title page in large
 * type does not skew the body size of the pages after it.
 *
 * <p>A line is a heading when it is short and either clearly larger than body text, bold at body
 * size and alone in its paragraph, or numbered like "3. Constats" / "3.1 Écarts" and alone in its
 * paragraph. Levels: larger sizes rank first (1, 2, …); bold or numbered body-size headings come
 * after them, refined by the depth of their numbering.
 */
final class PdfLayout {

    private static final float LARGER_RATIO = 1.15f;
    private static final int MAX_HEADING_CHARS = 150;
    private static final int MAX_BODY_HEADING_CHARS = 100;
    private static final int MAX_LEVEL = 9;
    private static final Pattern NUMBERED =
            Pattern.compile("^((?:\\d{1,2}\\.)*\\d{1,2})\\.?\\s+\\p{Lu}.*|^([IVX]{1,4})\\.\\s+\\p{Lu}.*");

    private final float bodySize;
    private final List<Float> headingSizes;

    private PdfLayout(float bodySize, List<Float> headingSizes) {
        this.bodySize = bodySize;
        this.headingSizes = headingSizes;
    }

    /** Learns the body size and heading sizes from every line of the document. */
    static PdfLayout of(List<List<PdfLine>> pages) {
        Map<Float, Integer> charsBySize = new HashMap<>();
        for (List<PdfLine> page : pages) {
            for (PdfLine line : page) {
                charsBySize.merge(line.fontSize(), line.text().length(), Integer::sum);
            }
        }
        float body = charsBySize.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(0f);
        TreeSet<Float> larger = new TreeSet<>();
        for (List<PdfLine> page : pages) {
            for (PdfLine line : page) {
                if (line.fontSize() >= body * LARGER_RATIO && line.text().length() <= MAX_HEADING_CHARS) {
                    larger.add(line.fontSize());
                }
            }
        }
        return new PdfLayout(body, List.copyOf(larger.descendingSet()));
    }

    /** The blocks of one page, in reading order, with the given 1-based page number. */
    List<Block> blocksOf(List<PdfLine> lines, int page) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        Heading pendingHeading = null;
        float pendingHeadingSize = 0;
        for (int i = 0; i < lines.size(); i++) {
            PdfLine line = lines.get(i);
            boolean alone = line.startsParagraph()
                    && (i + 1 == lines.size() || lines.get(i + 1).startsParagraph() || differs(line, lines.get(i + 1)));
            int level = headingLevel(line, alone);
            if (level > 0) {
                flush(paragraph, blocks, page);
                // A long title wraps onto several lines of the same size: keep it one heading.
                if (pendingHeading != null && pendingHeading.level() == level
                        && pendingHeadingSize == line.fontSize() && !line.startsParagraph()) {
                    pendingHeading = new Heading(level, pendingHeading.text() + " " + line.text(), page);
                } else {
                    if (pendingHeading != null) {
                        blocks.add(pendingHeading);
                    }
                    pendingHeading = new Heading(level, line.text(), page);
                    pendingHeadingSize = line.fontSize();
                }
                continue;
            }
            if (pendingHeading != null) {
                blocks.add(pendingHeading);
                pendingHeading = null;
            }
            if (line.startsParagraph()) {
                flush(paragraph, blocks, page);
            }
            if (!paragraph.isEmpty()) {
                paragraph.append('\n');
            }
            paragraph.append(line.text());
        }
        if (pendingHeading != null) {
            blocks.add(pendingHeading);
        }
        flush(paragraph, blocks, page);
        return blocks;
    }

    private int headingLevel(PdfLine line, boolean alone) {
        String text = line.text();
        if (text.length() > MAX_HEADING_CHARS || !text.codePoints().anyMatch(Character::isLetter)) {
            return 0;
        }
        int rank = headingSizes.indexOf(line.fontSize());
        if (rank >= 0) {
            return Math.min(rank + 1, MAX_LEVEL);
        }
        boolean bodyLike = line.fontSize() >= bodySize * 0.95f;
        if (!alone || !bodyLike || text.length() > MAX_BODY_HEADING_CHARS || endsLikeSentence(text)) {
            return 0;
        }
        int depth = numberingDepth(text);
        if (line.bold() || depth > 0) {
            return Math.min(headingSizes.size() + Math.max(depth, 1), MAX_LEVEL);
        }
        return 0;
    }

    private static int numberingDepth(String text) {
        Matcher m = NUMBERED.matcher(text);
        if (!m.matches()) {
            return 0;
        }
        return m.group(1) != null ? m.group(1).split("\\.").length : 1;
    }

    private static boolean endsLikeSentence(String text) {
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == ';' || last == ',';
    }

    private static boolean differs(PdfLine a, PdfLine b) {
        return a.fontSize() != b.fontSize() || a.bold() != b.bold();
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks, int page) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph.toString(), page));
            paragraph.setLength(0);
        }
    }
}
