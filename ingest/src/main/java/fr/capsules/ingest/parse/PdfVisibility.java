package fr.capsules.ingest.parse;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentGroup;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentMembershipDictionary;
import org.apache.pdfbox.pdmodel.graphics.optionalcontent.PDOptionalContentProperties;
import org.apache.pdfbox.pdmodel.graphics.state.PDGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;

/**
 * Decides, glyph by glyph, whether a reader of the printed or displayed page can see the text,
 * from what the content stream did before it on the page: the text's fill and stroke colours
 * against the topmost filled rectangle or image under it (the page itself is white), its effective
 * size, its position against the crop box, its rendering mode and opacity, and the optional-content
 * layers it is drawn in.
 *
 * <p>Invisible text drawn over an image is the text layer of a scan that went through OCR: it is
 * what the picture shows, so it counts as visible. Not thread-safe: one instance per stripper.
 */
final class PdfVisibility {

    /** Text smaller than this, in points, cannot be read on a printed page. */
    static final float MIN_READABLE_SIZE = 2f;
    /**
     * Colours closer than this on every RGB channel (0–255) are taken as the same colour: white
     * text and #F0F0F0 on white are hidden, a light grey watermark (#D0D0D0) is not.
     */
    private static final int SAME_COLOUR = 24;
    private static final int WHITE = 0xFFFFFF;
    /** Backdrops remembered per page: each glyph is checked against them, so a drawing cannot make a page slow. */
    private static final int MAX_BACKDROPS = 4096;

    /** Something painted on the page under later text: a filled rectangle of a colour, or an image. */
    private record Backdrop(Rectangle2D area, Integer colour) {}

    private final List<Backdrop> backdrops = new ArrayList<>();
    private final List<Rectangle2D> pendingRectangles = new ArrayList<>();
    private final Deque<Boolean> hiddenLayers = new ArrayDeque<>();
    private PDOptionalContentProperties layers;
    private PDRectangle cropBox;
    // The colours of the last glyph and their RGB values: a text run keeps its colour objects,
    // so most glyphs are not converted again.
    private PDColor lastFill;
    private int lastFillRgb;
    private PDColor lastStroke;
    private int lastStrokeRgb;

    void startPage(PDDocument document, PDPage page) {
        backdrops.clear();
        pendingRectangles.clear();
        hiddenLayers.clear();
        layers = document.getDocumentCatalog().getOCProperties();
        cropBox = page.getCropBox();
    }

    /** A rectangle added to the current path ({@code re}), in user space. */
    void rectangle(List<COSBase> operands, Matrix ctm) {
        if (operands.size() < 4 || !operands.stream().limit(4).allMatch(o -> o instanceof COSNumber)) {
            return;
        }
        float x = ((COSNumber) operands.get(0)).floatValue();
        float y = ((COSNumber) operands.get(1)).floatValue();
        float w = ((COSNumber) operands.get(2)).floatValue();
        float h = ((COSNumber) operands.get(3)).floatValue();
        pendingRectangles.add(bounds(ctm, x, y, x + w, y + h));
    }

    /** The current path was filled: its rectangles now lie, in that colour, under what comes next. */
    void filled(PDGraphicsState state) {
        Integer colour = rgb(state.getNonStrokingColor());
        boolean opaque = state.getNonStrokeAlphaConstant() > 0.5;
        if (opaque) {
            pendingRectangles.forEach(r -> remember(new Backdrop(r, colour)));
        }
        pendingRectangles.clear();
    }

    /** The current path was stroked or discarded. */
    void pathEnded() {
        pendingRectangles.clear();
    }

    /** An image was painted: its unit square mapped by the CTM. */
    void image(Matrix ctm) {
        remember(new Backdrop(bounds(ctm, 0, 0, 1, 1), null));
    }

    private void remember(Backdrop backdrop) {
        if (backdrops.size() >= MAX_BACKDROPS) {
            backdrops.removeFirst(); // the oldest, the most likely to be painted over
        }
        backdrops.add(backdrop);
    }

    void beginMarkedContent(COSName tag, COSDictionary properties) {
        boolean parentHidden = !hiddenLayers.isEmpty() && hiddenLayers.peek();
        hiddenLayers.push(parentHidden || (COSName.OC.equals(tag) && isHiddenLayer(properties)));
    }

    void endMarkedContent() {
        if (!hiddenLayers.isEmpty()) {
            hiddenLayers.pop();
        }
    }

    /**
     * Why a reader cannot see a glyph drawn now with text rendering matrix {@code trm} (user space)
     * in graphics state {@code state}, or null when it is visible.
     */
    HiddenText.Kind hiddenBecause(Matrix trm, PDGraphicsState state) {
        if (!hiddenLayers.isEmpty() && hiddenLayers.peek()) {
            return HiddenText.Kind.HIDDEN_LAYER;
        }
        float size = (float) Math.hypot(trm.getValue(1, 0), trm.getValue(1, 1));
        Point2D.Float origin = new Point2D.Float(trm.getTranslateX(), trm.getTranslateY());
        Point2D.Float centre = new Point2D.Float(origin.x + size * 0.25f, origin.y + size * 0.3f);
        if (cropBox != null && !inside(cropBox, origin, size)) {
            return HiddenText.Kind.OUTSIDE_PAGE;
        }
        Backdrop under = backdropUnder(centre);
        boolean overImage = under != null && under.colour() == null;
        RenderingMode mode = state.getTextState().getRenderingMode();
        boolean painted = mode.isFill() || mode.isStroke();
        if (!painted || (mode.isFill() && !mode.isStroke() && state.getNonStrokeAlphaConstant() < 0.05)) {
            return overImage ? null : HiddenText.Kind.INVISIBLE_RENDERING;
        }
        if (size < MIN_READABLE_SIZE) {
            return HiddenText.Kind.TINY_FONT;
        }
        if (overImage) {
            return null; // the picture's colours under the text are unknown: give the text the benefit
        }
        int background = under == null || under.colour() == null ? WHITE : under.colour();
        boolean fillVisible = mode.isFill() && !sameColour(fillRgb(state.getNonStrokingColor()), background);
        boolean strokeVisible = mode.isStroke() && !sameColour(strokeRgb(state.getStrokingColor()), background);
        return fillVisible || strokeVisible ? null : HiddenText.Kind.BACKGROUND_COLOUR;
    }

    private Backdrop backdropUnder(Point2D.Float point) {
        for (int i = backdrops.size() - 1; i >= 0; i--) {
            if (backdrops.get(i).area().contains(point)) {
                return backdrops.get(i);
            }
        }
        return null;
    }

    private static boolean inside(PDRectangle box, Point2D.Float origin, float size) {
        float tolerance = Math.max(size, 1f);
        return origin.x >= box.getLowerLeftX() - tolerance && origin.x <= box.getUpperRightX()
                && origin.y >= box.getLowerLeftY() - tolerance && origin.y <= box.getUpperRightY();
    }

    private boolean isHiddenLayer(COSDictionary properties) {
        if (properties == null || layers == null) {
            return false;
        }
        PDPropertyList list = PDPropertyList.create(properties);
        if (list instanceof PDOptionalContentGroup group) {
            return !layers.isGroupEnabled(group);
        }
        if (list instanceof PDOptionalContentMembershipDictionary membership) {
            List<PDPropertyList> groups = membership.getOCGs();
            if (groups.isEmpty()) {
                return false;
            }
            COSName policy = membership.getVisibilityPolicy();
            long on = groups.stream().filter(g -> g instanceof PDOptionalContentGroup og && layers.isGroupEnabled(og)).count();
            if (COSName.ALL_ON.equals(policy)) {
                return on < groups.size();
            }
            if (COSName.ANY_OFF.equals(policy)) {
                return on == groups.size();
            }
            if (COSName.ALL_OFF.equals(policy)) {
                return on > 0;
            }
            return on == 0; // AnyOn, the default
        }
        return false;
    }

    private static Rectangle2D bounds(Matrix ctm, float x0, float y0, float x1, float y1) {
        Point2D.Float a = ctm.transformPoint(x0, y0);
        Point2D.Float b = ctm.transformPoint(x1, y1);
        Point2D.Float c = ctm.transformPoint(x0, y1);
        Point2D.Float d = ctm.transformPoint(x1, y0);
        double minX = Math.min(Math.min(a.x, b.x), Math.min(c.x, d.x));
        double minY = Math.min(Math.min(a.y, b.y), Math.min(c.y, d.y));
        double maxX = Math.max(Math.max(a.x, b.x), Math.max(c.x, d.x));
        double maxY = Math.max(Math.max(a.y, b.y), Math.max(c.y, d.y));
        return new Rectangle2D.Double(minX, minY, maxX - minX, maxY - minY);
    }

    private int fillRgb(PDColor colour) {
        if (colour == null || colour != lastFill) {
            lastFillRgb = rgb(colour);
            lastFill = colour;
        }
        return lastFillRgb;
    }

    private int strokeRgb(PDColor colour) {
        if (colour == null || colour != lastStroke) {
            lastStrokeRgb = rgb(colour);
            lastStroke = colour;
        }
        return lastStrokeRgb;
    }

    private static Integer rgb(PDColor colour) {
        if (colour == null || colour.getColorSpace() == null) {
            return 0; // unknown colour: black, the default, which nothing hides
        }
        try {
            return colour.toRGB() & 0xFFFFFF;
        } catch (IOException | RuntimeException e) {
            return 0; // patterns and exotic colour spaces: assume visible
        }
    }

    private static boolean sameColour(int a, int b) {
        return Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF)) < SAME_COLOUR
                && Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) < SAME_COLOUR
                && Math.abs((a & 0xFF) - (b & 0xFF)) < SAME_COLOUR;
    }
}
