package fr.capsules.ingest.parse;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Vector;

/**
 * A text stripper that, instead of writing text, records each line of each page with its dominant
 * font size and boldness, and hands the lines over page by page. Glyphs a reader cannot see
 * ({@link PdfVisibility}) are set aside as {@link HiddenText} instead of joining the lines. Not
 * thread-safe: one instance per parse.
 */
final class PdfLineCollector extends PDFTextStripper {

    /** Checking the deadline every glyph would cost; every few thousand keeps huge pages stoppable. */
    private static final int CHECKPOINT_EVERY_GLYPHS = 4096;

    private final ParseContext context;
    private final List<PdfLine> lines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    // Glyphs of the current line by font size (half points): a few sizes a line, kept in arrays
    // rather than a map of boxed floats updated for every glyph.
    private float[] sizes = new float[8];
    private int[] glyphsOfSize = new int[8];
    private int sizeCount;
    private int boldGlyphs;
    private int glyphs;
    private boolean paragraphPending;
    private int glyphsSinceCheckpoint;
    private final PdfVisibility visibility = new PdfVisibility();
    private final HiddenGlyphs hidden = new HiddenGlyphs();
    /** Whether each font met is bold: asked once per font rather than once per glyph. */
    private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();
    /** The font of the last glyph counted and whether it is bold: a line mostly keeps its font. */
    private PDFont lastFont;
    private boolean lastFontBold;
    /** PDFBox's suppression of glyphs drawn over themselves, done here without its boxed tree maps. */
    private final OverlappingGlyphs overlapping = new OverlappingGlyphs();
    /**
     * For each open marked-content sequence, whether it carries an ActualText: PDFBox's stripper
     * skips the duplicate suppression inside one, and keeps that state private.
     */
    private final Deque<Boolean> markedContentsWithActualText = new ArrayDeque<>();
    private boolean inActualText;
    /** The text rendering matrix PDFBox computed for the glyph being shown; null for vertical fonts. */
    private Matrix glyphMatrix;
    private PageReader reader;
    /** Whether the reader said to stop: the pages left are passed over. */
    private boolean stopped;
    /** The page after the last one told to the reader. */
    private int nextPage;

    PdfLineCollector(ParseContext context) {
        this.context = context;
        setSuppressDuplicateOverlappingText(false); // done in processTextPosition, same decisions
        // The text stripper ignores colours and paths; judging visibility needs both.
        addOperator(new SetNonStrokingColor(this));
        addOperator(new SetNonStrokingColorN(this));
        addOperator(new SetNonStrokingColorSpace(this));
        addOperator(new SetNonStrokingDeviceCMYKColor(this));
        addOperator(new SetNonStrokingDeviceGrayColor(this));
        addOperator(new SetNonStrokingDeviceRGBColor(this));
        addOperator(new SetStrokingColor(this));
        addOperator(new SetStrokingColorN(this));
        addOperator(new SetStrokingColorSpace(this));
        addOperator(new SetStrokingDeviceCMYKColor(this));
        addOperator(new SetStrokingDeviceGrayColor(this));
        addOperator(new SetStrokingDeviceRGBColor(this));
    }

    /** The hidden text of every page read so far, in reading order. */
    List<HiddenText> hiddenText() {
        hidden.flush();
        return hidden.fragments();
    }

    /** Told the lines of each page read, in page order. */
    interface PageReader {
        /**
         * The lines of the 1-based page {@code pageNumber} (none for a page without content).
         *
         * @return whether to read the next page
         */
        boolean page(int pageNumber, List<PdfLine> lines) throws IOException;
    }

    /**
     * Reads pages 1 to {@code lastPage} of {@code document} in one pass of the text stripper,
     * telling {@code reader} the lines of each page as soon as the page is read, until it says to
     * stop: the pages after it are then not read.
     */
    void read(PDDocument document, int lastPage, PageReader reader) throws IOException {
        this.reader = reader;
        stopped = false;
        nextPage = 1;
        setStartPage(1);
        setEndPage(lastPage);
        writeText(document, Writer.nullWriter());
        pagesWithoutContentBefore(lastPage + 1);
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        int number = getCurrentPageNo();
        if (stopped || number < getStartPage() || number > getEndPage()) {
            return;
        }
        // PDFTextStripper does not process a page without content: its (empty) lines are told here.
        pagesWithoutContentBefore(number);
        if (stopped) {
            return;
        }
        context.checkpoint();
        super.processPage(page);
    }

    private void pagesWithoutContentBefore(int pageNumber) throws IOException {
        while (nextPage < pageNumber && !stopped) {
            context.checkpoint();
            tell(nextPage, List.of());
        }
    }

    private void tell(int pageNumber, List<PdfLine> pageLines) throws IOException {
        nextPage = pageNumber + 1;
        if (!reader.page(pageNumber, pageLines)) {
            stopped = true;
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        visibility.startPage(document, page);
        overlapping.clear();
        lines.clear();
        resetLine();
        paragraphPending = true;
        super.startPage(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        finishLine();
        hidden.flush();
        tell(getCurrentPageNo(), List.copyOf(lines));
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        switch (operator.getName()) {
            case "re" -> visibility.rectangle(operands, getGraphicsState().getCurrentTransformationMatrix());
            case "f", "F", "f*", "B", "B*", "b", "b*" -> visibility.filled(getGraphicsState());
            case "n", "S", "s" -> visibility.pathEnded();
            case "BI" -> visibility.image(getGraphicsState().getCurrentTransformationMatrix());
            case "Do" -> {
                if (!operands.isEmpty() && operands.getFirst() instanceof COSName name && getResources() != null
                        && getResources().isImageXObject(name)) {
                    visibility.image(getGraphicsState().getCurrentTransformationMatrix());
                }
            }
            default -> { }
        }
        super.processOperator(operator, operands);
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        visibility.beginMarkedContent(tag, properties);
        // As PDFTextStripper does: the innermost sequence opened decides, until one with an ActualText ends.
        inActualText = PDMarkedContent.create(tag, properties).getActualText() != null;
        markedContentsWithActualText.push(inActualText);
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        visibility.endMarkedContent();
        if (!markedContentsWithActualText.isEmpty() && markedContentsWithActualText.pop()) {
            inActualText = false;
        }
        super.endMarkedContentSequence();
    }

    @Override
    protected void processTextPosition(TextPosition position) {
        if (++glyphsSinceCheckpoint >= CHECKPOINT_EVERY_GLYPHS) {
            glyphsSinceCheckpoint = 0;
            context.checkpoint();
        }
        HiddenText.Kind hiddenBecause = visibility.hiddenBecause(textRenderingMatrix(), getGraphicsState());
        if (hiddenBecause != null) {
            hidden.add(hiddenBecause, getCurrentPageNo(), position);
            return;
        }
        hidden.flush();
        if (!inActualText && overlapping.isDuplicate(position.getUnicode(), position.getX(), position.getY(),
                position.getWidth())) {
            return;
        }
        super.processTextPosition(position);
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
            throws IOException {
        // PDFBox moves a vertical font's glyph to its vertical origin; the visibility checks use the horizontal one.
        glyphMatrix = font.isVertical() ? null : textRenderingMatrix;
        try {
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        } finally {
            glyphMatrix = null;
        }
    }

    /** The current glyph's text space → user space, as PDFStreamEngine computes it to show the glyph. */
    private Matrix textRenderingMatrix() {
        if (glyphMatrix != null) {
            return glyphMatrix;
        }
        PDGraphicsState state = getGraphicsState();
        PDTextState text = state.getTextState();
        float size = text.getFontSize();
        Matrix parameters = new Matrix(size * text.getHorizontalScaling() / 100f, 0, 0, size, 0, text.getRise());
        return parameters.multiply(getTextMatrix()).multiply(state.getCurrentTransformationMatrix());
    }

    @Override
    protected void writeString(String string, List<TextPosition> positions) {
        text.append(string);
        for (TextPosition p : positions) {
            if (p.getUnicode() == null || p.getUnicode().isBlank()) {
                continue;
            }
            countGlyphOfSize(Math.round(p.getFontSizeInPt() * 2) / 2f);
            glyphs++;
            PDFont font = p.getFont();
            if (font != lastFont) {
                lastFont = font;
                lastFontBold = font != null && boldFonts.computeIfAbsent(font, PdfLineCollector::isBold);
            }
            if (lastFontBold) {
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
            float size = dominantSize();
            boolean bold = glyphs > 0 && boldGlyphs * 10 >= glyphs * 9;
            lines.add(new PdfLine(line, size, bold, paragraphPending));
            paragraphPending = false;
        }
        resetLine();
    }

    private void resetLine() {
        text.setLength(0);
        sizeCount = 0;
        boldGlyphs = 0;
        glyphs = 0;
    }

    private void countGlyphOfSize(float size) {
        int bits = Float.floatToIntBits(size);
        for (int i = 0; i < sizeCount; i++) {
            if (Float.floatToIntBits(sizes[i]) == bits) {
                glyphsOfSize[i]++;
                return;
            }
        }
        if (sizeCount == sizes.length) {
            sizes = Arrays.copyOf(sizes, sizeCount * 2);
            glyphsOfSize = Arrays.copyOf(glyphsOfSize, sizeCount * 2);
        }
        sizes[sizeCount] = size;
        glyphsOfSize[sizeCount] = 1;
        sizeCount++;
    }

    /** The size with the most glyphs on the line, the larger one on a tie; 0 for none. */
    private float dominantSize() {
        if (sizeCount == 0) {
            return 0f;
        }
        int best = 0;
        for (int i = 1; i < sizeCount; i++) {
            if (glyphsOfSize[i] > glyphsOfSize[best]
                    || (glyphsOfSize[i] == glyphsOfSize[best] && Float.compare(sizes[i], sizes[best]) > 0)) {
                best = i;
            }
        }
        return sizes[best];
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
