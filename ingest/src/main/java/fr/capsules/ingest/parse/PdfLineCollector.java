package fr.capsules.ingest.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A text stripper that, instead of writing text, records each line of one page with its dominant
 * font size and boldness. Not thread-safe: one instance per parse.
 */
final class PdfLineCollector extends PDFTextStripper {

    /** Checking the deadline every glyph would cost; every few thousand keeps huge pages stoppable. */
    private static final int CHECKPOINT_EVERY_GLYPHS = 4096;

    private final ParseContext context;
    private final List<PdfLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final Map<Float, Integer> glyphsBySize = new HashMap<>();
    private int boldGlyphs;
    private int glyphs;
    private boolean paragraphPending;
    private int glyphsSinceCheckpoint;

    PdfLineCollector(ParseContext context) {
        this.context = context;
    }

    /** Extracts the lines of the 1-based page {@code pageNumber}. */
    List<PdfLine> linesOf(PDDocument document, int pageNumber) throws IOException {
        lines.clear();
        resetLine();
        paragraphPending = true;
        setStartPage(pageNumber);
        setEndPage(pageNumber);
        getText(document);
        finishLine();
        return List.copyOf(lines);
    }

    @Override
    protected void processTextPosition(TextPosition position) {
        if (++glyphsSinceCheckpoint >= CHECKPOINT_EVERY_GLYPHS) {
            glyphsSinceCheckpoint = 0;
            context.checkpoint();
        }
        super.processTextPosition(position);
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        text.append(string);
        for (TextPosition p : positions) {
            if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                continue;
            }
            float size = Math.round(p.getFontSizeInPt() * 2) / 2f;
            glyphsBySize.merge(size, 1, Integer::sum);
            glyphs++;
            if (isBold(p.getFont())) {
                boldGlyphs++;
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        text.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        finishLine();
    }

    @Override
    protected void writeParagraphStart() {
        finishLine();
        paragraphPending = true;
    }

    @Override
    protected void writeParagraphEnd() {
        finishLine();
    }

    @Override
    protected void writePageStart() {}

    @Override
    protected void writePageEnd() {}

    private void finishLine() {
        String line = text.toString().strip();
        if (!line.isEmpty()) {
            float size = glyphsBySize.entrySet().stream()
                    .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse(0f);
            boolean bold = glyphs > 0 && boldGlyphs * 10 >= glyphs * 9;
            lines.add(new PdfLine(line, size, bold, paragraphPending));
            paragraphPending = false;
        }
        resetLine();
    }

    private void resetLine() {
        text.setLength(0);
        glyphsBySize.clear();
        boldGlyphs = 0;
        glyphs = 0;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")) {
            return true;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
    }
}
