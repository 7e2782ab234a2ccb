package fr.capsules.ingest.parse;

import org.jsoup.nodes.Element;

/**
 * Converts an HTML table to a {@link TableBlock}, expanding {@code colspan} and {@code rowspan}
 * so every row has the header's width. The first row is the header row (a {@code thead} row or
 * {@code th} cells when present, as they come first in practice).
 */
final class HtmlTables {

    private HtmlTables() {}

    /** The table, or null when it holds no text. */
    static TableBlock toBlock(Element table) {
        CellGrid grid = new CellGrid();
        int row = 0;
        for (Element tr : table.select("> tr, > thead > tr, > tbody > tr, > tfoot > tr")) {
            grid.ensureRow(row);
            int col = 0;
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                col = grid.nextFreeColumn(row, col);
                int colSpan = span(cell, "colspan");
                grid.place(row, col, cell.text(), span(cell, "rowspan"), colSpan);
                col += colSpan;
            }
            row++;
        }
        Element caption = table.selectFirst("> caption");
        return grid.toTable(caption == null ? "" : caption.text(), 0);
    }

    private static int span(Element cell, String attribute) {
        try {
            int value = Integer.parseInt(cell.attr(attribute).strip());
            // rowspan="0" means "to the end of the section"; one row is the safe reading.
            return Math.clamp(value, 1, CellGrid.MAX_SPAN);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
