package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * PDFBox's suppression of duplicate overlapping text ({@code PDFTextStripper.processTextPosition}
 * with {@code suppressDuplicateOverlappingText}, the default: a glyph drawn again over itself, as
 * in fake bold, is shown once), with the same decisions but without its per-glyph boxed floats and
 * tree-map views: the glyphs shown so far on the page are kept, per text, in two sorted float
 * arrays. A glyph is a duplicate when a glyph of the same text was shown at {@code x'} in
 * {@code [x - t, x + t)} and {@code y'} in {@code [y - t, y + t)}, with {@code t} the glyph's width
 * divided by its text's length and by 3, floats ordered by {@link Float#compare} as PDFBox's
 * {@code TreeMap<Float, TreeSet<Float>>} orders them; a range whose start comes after its end
 * throws {@link IllegalArgumentException} as the tree map's views do.
 *
 * <p>A text drawn very many times on one page moves to PDFBox's own tree maps, so that a
 * pathological page costs what it costs PDFBox. Not thread-safe: one instance per stripper.
 */
final class OverlappingGlyphs {

    /** Past this many glyphs of one text on a page, inserting into sorted arrays would cost more than a tree. */
    static final int MAX_SORTED = 2048;

    private final Column[] latin1 = new Column[256];
    private final Map<String, Column> others = new HashMap<>();
    private final List<Column> used = new ArrayList<>();

    /** Forgets the glyphs of the page. */
    void clear() {
        for (Column column : used) {
            column.clear();
        }
        used.clear();
    }

    /**
     * Whether a glyph of text {@code unicode} at ({@code x}, {@code y}) with width {@code width}
     * duplicates one shown before on the page; when it does not, it is remembered as shown.
     */
    boolean isDuplicate(String unicode, float x, float y, float width) {
        float tolerance = width / unicode.length() / 3.0f;
        float fromX = x - tolerance;
        float toX = x + tolerance;
        requireOrdered(fromX, toX);
        Column column = columnOf(unicode);
        if (column.overlaps(fromX, toX, y - tolerance, y + tolerance)) {
            return true;
        }
        column.add(x, y);
        return false;
    }

    private Column columnOf(String unicode) {
        Column column;
        if (unicode.length() == 1 && unicode.charAt(0) < latin1.length) {
            char c = unicode.charAt(0);
            column = latin1[c];
            if (column == null) {
                column = new Column();
                latin1[c] = column;
            }
        } else {
            column = others.computeIfAbsent(unicode, k -> new Column());
        }
        if (!column.inUse) {
            column.inUse = true;
            used.add(column);
        }
        return column;
    }

    /** What {@code TreeMap.subMap(from, to)} checks. */
    private static void requireOrdered(float from, float to) {
        if (Float.compare(from, to) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
    }

    /** The glyphs of one text on the page, sorted by x then y. */
    private static final class Column {
        private float[] xs = new float[16];
        private float[] ys = new float[16];
        private int size;
        private TreeMap<Float, TreeSet<Float>> tree;
        private boolean inUse;

        void clear() {
            size = 0;
            tree = null;
            inUse = false;
            if (xs.length > 4 * MAX_SORTED) {
                xs = new float[16];
                ys = new float[16];
            }
        }

        boolean overlaps(float fromX, float toX, float fromY, float toY) {
            if (tree != null) {
                for (TreeSet<Float> column : tree.subMap(fromX, toX).values()) {
                    if (!column.subSet(fromY, toY).isEmpty()) {
                        return true;
                    }
                }
                return false;
            }
            for (int i = firstAtLeast(fromX); i < size && Float.compare(xs[i], toX) < 0; i++) {
                requireOrdered(fromY, toY);
                if (Float.compare(ys[i], fromY) >= 0 && Float.compare(ys[i], toY) < 0) {
                    return true;
                }
            }
            return false;
        }

        void add(float x, float y) {
            if (tree != null) {
                tree.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
                return;
            }
            if (size == MAX_SORTED) {
                tree = new TreeMap<>();
                for (int i = 0; i < size; i++) {
                    tree.computeIfAbsent(xs[i], k -> new TreeSet<>()).add(ys[i]);
                }
                tree.computeIfAbsent(x, k -> new TreeSet<>()).add(y);
                return;
            }
            int at = firstAfter(x, y);
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            System.arraycopy(xs, at, xs, at + 1, size - at);
            System.arraycopy(ys, at, ys, at + 1, size - at);
            xs[at] = x;
            ys[at] = y;
            size++;
        }

        /** The first index whose x is not before {@code x}. */
        private int firstAtLeast(float x) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (Float.compare(xs[mid], x) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** The first index whose (x, y) comes after ({@code x}, {@code y}). */
        private int firstAfter(float x, float y) {
            int low = 0;
            int high = size;
            while (low < high) {
                int mid = (low + high) >>> 1;
                int byX = Float.compare(xs[mid], x);
                if (byX < 0 || (byX == 0 && Float.compare(ys[mid], y) <= 0)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
