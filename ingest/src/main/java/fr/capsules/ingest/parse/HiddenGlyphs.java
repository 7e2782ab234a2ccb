package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Gathers consecutive hidden glyphs of a PDF into {@link HiddenText} fragments (one per run of the
 * same reason on a page), with a bounded memory: at most {@value #MAX_FRAGMENTS} fragments, each
 * keeping its first characters only. Not thread-safe.
 */
final class HiddenGlyphs {

    private static final int MAX_FRAGMENTS = 500;
    private static final int MAX_KEPT_CHARS = HiddenText.MAX_EXCERPT + 40;

    private final List<HiddenText> fragments = new ArrayList<>();
    private HiddenText.Kind kind;
    private int page;
    private int characters;
    private final StringBuilder text = new StringBuilder();
    private float lastEndX = Float.NaN;
    private float lastY = Float.NaN;

    void add(HiddenText.Kind reason, int pageNumber, TextPosition glyph) {
        if (reason != kind || pageNumber != page) {
            flush();
            kind = reason;
            page = pageNumber;
        }
        String unicode = glyph.getUnicode();
        if (unicode == null) {
            return;
        }
        boolean gap = !Float.isNaN(lastEndX) && (Math.abs(glyph.getYDirAdj() - lastY) > glyph.getHeightDir()
                || glyph.getXDirAdj() - lastEndX > Math.max(glyph.getWidthOfSpace(), 0.5f) * 0.5f);
        if (text.length() < MAX_KEPT_CHARS) {
            if (gap && !text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
                text.append(' ');
            }
            text.append(unicode);
        }
        characters += (int) unicode.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        lastEndX = glyph.getXDirAdj() + glyph.getWidthDirAdj();
        lastY = glyph.getYDirAdj();
    }

    void flush() {
        if (kind != null && characters > 0) {
            if (fragments.size() < MAX_FRAGMENTS) {
                fragments.add(new HiddenText(kind, page, characters, text.toString().replaceAll("\\s+", " ")));
            } else {
                HiddenText last = fragments.removeLast();
                fragments.add(new HiddenText(last.kind(), last.page(), last.characters() + characters, last.excerpt()));
            }
        }
        kind = null;
        characters = 0;
        text.setLength(0);
        lastEndX = Float.NaN;
        lastY = Float.NaN;
    }

    List<HiddenText> fragments() {
        return List.copyOf(fragments);
    }
}
