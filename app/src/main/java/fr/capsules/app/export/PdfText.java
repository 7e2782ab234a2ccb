package fr.capsules.app.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one PDF and what depends on them: which characters can be drawn, how wide a text is, where lines
 * break.
 *
 * <p>The standard 14 PDF fonts cannot show "œ" or "’", so DejaVu Sans (regular and bold) is embedded, as subsets, from
 * the application's resources: they are found the same way in tests, in the packaged jar and in a container without
 * system fonts. A character the font lacks (an emoji, a rare script) is dropped instead of failing the export.
 *
 * <p>Glyph substitution (the font's GSUB table) is switched off: PDFBox would otherwise draw "fi" and "ffi" with the
 * font's ligature glyphs, whose Unicode mapping is U+FB01 and U+FB03, so that text extraction, search and screen
 * readers would find "vériﬁé" instead of "vérifié". French needs no substitution to be drawn right. Not thread-safe:
 * one instance per document, closed after the document is saved (subsetting reads the font files at save time).
 */
final class PdfText implements Closeable {

    private static final String REGULAR_RESOURCE = "/fonts/DejaVuSans.ttf";
    private static final String BOLD_RESOURCE = "/fonts/DejaVuSans-Bold.ttf";

    final PDFont regular;
    final PDFont bold;
    private final List<TrueTypeFont> files;
    private final Map<PDFont, Map<Integer, Boolean>> drawable = new HashMap<>();

    private PdfText(PDFont regular, PDFont bold, List<TrueTypeFont> files) {
        this.regular = regular;
        this.bold = bold;
        this.files = files;
    }

    static PdfText load(PDDocument document) throws IOException {
        TrueTypeFont regular = withoutSubstitution(FontFiles.REGULAR);
        TrueTypeFont bold = withoutSubstitution(FontFiles.BOLD);
        return new PdfText(PDType0Font.load(document, regular, true), PDType0Font.load(document, bold, true),
                List.of(regular, bold));
    }

    private static TrueTypeFont withoutSubstitution(byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        font.setEnableGsub(false);
        return font;
    }

    @Override
    public void close() throws IOException {
        for (TrueTypeFont file : files) {
            file.close();
        }
    }

    /**
     * The text as the font can draw it on one line: tabs and other spaces become plain spaces, control characters
     * and characters without a glyph are dropped.
     */
    String printable(String text, PDFont font) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                printable.append(' ');
            } else if (!Character.isISOControl(c) && canDraw(font, c)) {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }

    private boolean canDraw(PDFont font, int codePoint) {
        return drawable.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(codePoint, c -> {
            try {
                font.encode(Character.toString(c));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false; // no glyph: the character is skipped, see printable
            }
        });
    }

    /** Width in points of printable text. */
    float width(String printableText, PDFont font, float size) {
        try {
            return font.getStringWidth(printableText) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks text into printable lines no wider than {@code width} points: existing line breaks are kept, lines break
     * between words, and a word wider than a whole line (a long URL, a reference without spaces) is cut.
     */
    List<String> wrap(String text, PDFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String source : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : printable(source, font).strip().split(" +")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, font, size) > width && rest.length() > 1) {
                    int cut = fitting(rest, font, size, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** How many leading chars of a word fit in the width; at least one code point, so wrapping always advances. */
    private int fitting(String word, PDFont font, float size, float width) {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(word.substring(0, next), font, size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** The font files, read once from the classpath and shared: each document parses its own copy. */
    private static final class FontFiles {

        static final byte[] REGULAR = read(REGULAR_RESOURCE);
        static final byte[] BOLD = read(BOLD_RESOURCE);

        private static byte[] read(String resource) {
            try (InputStream in = PdfText.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font resource missing from the application: " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font resource " + resource, e);
            }
        }
    }
}
