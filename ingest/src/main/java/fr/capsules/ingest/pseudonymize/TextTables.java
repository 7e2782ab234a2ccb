package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads tables written as text — cells separated by "|", tabs or ";" (CSV exports, tables pasted
 * in mails, PDF text) — to find the cells under a column whose header a rule recognises: a header
 * line starts a table, its rows follow up to the first line without that separator.
 */
final class TextTables {

    private static final String SEPARATORS = "|\t;";

    /** A cell of a row, as offsets in the text (not trimmed), under the header cell that matched. */
    record Cell(int start, int end, int row, String header) {}

    private TextTables() {}

    /** The cells, in text order, under every header cell for which {@code header} is true. */
    static List<Cell> cellsUnder(String text, Predicate<String> header) {
        List<Cell> cells = new ArrayList<>();
        if (text.indexOf('|') < 0 && text.indexOf('\t') < 0 && text.indexOf(';') < 0) {
            return cells;
        }
        List<Integer> columns = List.of();
        List<String> headers = List.of();
        char separator = 0;
        int row = 0;
        for (int lineStart = 0; lineStart < text.length(); ) {
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            List<int[]> line = columns.isEmpty() ? List.of() : split(text, lineStart, lineEnd, separator);
            if (line.size() > 1) {
                row++;
                for (int i = 0; i < columns.size(); i++) {
                    int column = columns.get(i);
                    if (column < line.size()) {
                        cells.add(new Cell(line.get(column)[0], line.get(column)[1], row, headers.get(i)));
                    }
                }
            } else {
                columns = new ArrayList<>();
                headers = new ArrayList<>();
                for (int s = 0; s < SEPARATORS.length() && columns.isEmpty(); s++) {
                    separator = SEPARATORS.charAt(s);
                    List<int[]> candidate = split(text, lineStart, lineEnd, separator);
                    for (int i = 0; candidate.size() > 1 && i < candidate.size(); i++) {
                        String cell = text.substring(candidate.get(i)[0], candidate.get(i)[1]).strip();
                        if (header.test(cell)) {
                            columns.add(i);
                            headers.add(cell);
                        }
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return cells;
    }

    private static List<int[]> split(String text, int lineStart, int lineEnd, char separator) {
        List<int[]> cells = new ArrayList<>();
        int cellStart = lineStart;
        for (int i = lineStart; i <= lineEnd; i++) {
            if (i == lineEnd || text.charAt(i) == separator) {
                cells.add(new int[] {cellStart, i});
                cellStart = i + 1;
            }
        }
        return cells;
    }
}
