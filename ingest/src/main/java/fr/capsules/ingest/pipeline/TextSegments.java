package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.pseudonymize.Replacement;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of text of one document (headings, paragraphs, table cells) joined into one text, so
 * that pseudonymisation sees the document whole (a signature under "Cordialement", a name column
 * of a table, a person named in full then by surname), and the replacements made on that text put
 * back into each piece.
 *
 * <p>Pieces are joined by a blank line, table cells by " | " and rows by a line break (the shape
 * of a table the name rules read); a "|", tab or line break inside a cell is shown as a space (same
 * length, so offsets still match the cell).
 * A replacement that runs over the end of a piece (an address over two paragraphs) is written in
 * the piece where it starts, and the text it covers in the next pieces is removed. Not
 * thread-safe.
 */
final class TextSegments {

    private final StringBuilder text = new StringBuilder();
    private final List<int[]> spans = new ArrayList<>();

    /** Adds a piece after a blank line; returns its index. */
    int block(String piece) {
        return add(piece, text.isEmpty() ? "" : "\n\n", false);
    }

    /** Adds the first cell of a table row (after a line break, or a blank line before the table). */
    int firstCell(String cell, boolean firstRow) {
        return add(cell, text.isEmpty() ? "" : firstRow ? "\n\n" : "\n", true);
    }

    /** Adds the next cell of the current table row. */
    int nextCell(String cell) {
        return add(cell, " | ", true);
    }

    private int add(String piece, String separator, boolean cell) {
        text.append(separator);
        int start = text.length();
        String safe = piece == null ? "" : piece;
        text.append(cell ? safe.replace('|', ' ').replace('\t', ' ').replace('\n', ' ').replace('\r', ' ') : safe);
        spans.add(new int[] {start, text.length()});
        return spans.size() - 1;
    }

    /** The whole text the pieces make. */
    String text() {
        return text.toString();
    }

    /**
     * Each piece, in order, with the replacements made (offsets in {@link #text()}, sorted and not
     * overlapping) applied.
     */
    List<String> apply(List<String> originals, List<Replacement> replacements) {
        List<String> out = new ArrayList<>(spans.size());
        int r = 0;
        int carriedTo = -1; // a replacement started in an earlier piece covers the text up to here
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            String original = originals.get(i) == null ? "" : originals.get(i);
            StringBuilder piece = new StringBuilder(original.length());
            int at = Math.min(Math.max(carriedTo, start), end);
            while (r < replacements.size() && replacements.get(r).start() < end) {
                Replacement rep = replacements.get(r);
                int from = Math.max(rep.start(), start);
                if (from > at) {
                    piece.append(original, at - start, from - start);
                }
                piece.append(rep.pseudonym());
                at = Math.min(rep.end(), end);
                carriedTo = rep.end();
                r++;
            }
            if (at < end) {
                piece.append(original, at - start, end - start);
            }
            out.add(piece.toString());
        }
        return out;
    }
}
