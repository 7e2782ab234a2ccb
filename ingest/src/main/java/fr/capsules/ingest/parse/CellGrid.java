package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A table being assembled from cells that may span several rows or columns. A spanning cell's
 * text is written into every position it covers, so each row of the resulting {@link TableBlock}
 * can be read on its own ("merged cells repeated").
 */
final class CellGrid {

    /** Guards against hostile spans such as {@code colspan="100000"}. */
    static final int MAX_SPAN = 1_000;

    private final List<List<String>> rows = new ArrayList<>();

    int rowCount() {
        return rows.size();
    }

    /** Writes {@code text} at (row, col) and into every position of its span. */
    void place(int row, int col, String text, int rowSpan, int colSpan) {
        int rs = Math.clamp(rowSpan, 1, MAX_SPAN);
        int cs = Math.clamp(colSpan, 1, MAX_SPAN);
        for (int r = row; r < row + rs; r++) {
            for (int c = col; c < col + cs; c++) {
                set(r, c, text);
            }
        }
    }

    /** The first column at or after {@code from} not already covered by a span from above. */
    int nextFreeColumn(int row, int from) {
        int c = from;
        while (at(row, c) != null) {
            c++;
        }
        return c;
    }

    /** The text at (row, col), or null when nothing was placed there. */
    String at(int row, int col) {
        if (row < 0 || row >= rows.size()) {
            return null;
        }
        List<String> cells = rows.get(row);
        return col < cells.size() ? cells.get(col) : null;
    }

    /** Makes sure a row exists even if it receives no cell (keeps row indexes aligned). */
    void ensureRow(int row) {
        while (rows.size() <= row) {
            rows.add(new ArrayList<>());
        }
    }

    /**
     * The first non-empty row becomes the headers; rows that are entirely blank are dropped; every
     * row is padded to the widest row. Returns null when the grid holds no text at all.
     */
    TableBlock toTable(String caption, int page) {
        List<List<String>> kept = new ArrayList<>();
        int width = 0;
        for (List<String> row : rows) {
            if (row.stream().anyMatch(c -> c != null && !c.isBlank())) {
                kept.add(row);
                width = Math.max(width, row.size());
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        List<List<String>> padded = new ArrayList<>(kept.size());
        for (List<String> row : kept) {
            List<String> cells = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                String text = c < row.size() ? row.get(c) : null;
                cells.add(text == null ? "" : text.strip());
            }
            padded.add(cells);
        }
        return new TableBlock(caption, padded.getFirst(), padded.subList(1, padded.size()), page);
    }

    private void set(int row, int col, String text) {
        ensureRow(row);
        List<String> cells = rows.get(row);
        while (cells.size() <= col) {
            cells.add(null);
        }
        cells.set(col, text == null ? "" : text);
    }
}
