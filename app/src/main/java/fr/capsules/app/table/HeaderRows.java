package fr.capsules.app.table;

import fr.capsules.ingest.parse.TableBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A header on two rows, as spreadsheets draw it with merged cells: "N°" merged down over both rows,
 * "Constat" merged across two columns above "Type" and "Libellé". The ingest parsers repeat a merged
 * cell into every cell it covers, so the second row repeats the first where a cell is merged down. That
 * second row is a sub-header, not a finding: its labels name the columns they stand under.
 */
final class HeaderRows {

    private HeaderRows() {}

    /** The table with its two header rows made one, or the table itself when the first row is no sub-header. */
    static TableBlock merged(TableBlock table) {
        if (table.rows().isEmpty()) {
            return table;
        }
        List<String> headers = table.headers();
        List<String> first = table.rows().getFirst();
        boolean repeatsAbove = false;
        boolean splitsAbove = false;
        for (int c = 0; c < Math.min(headers.size(), first.size()); c++) {
            String above = FindingText.inline(headers.get(c));
            String below = FindingText.inline(first.get(c));
            if (!below.isEmpty() && below.equals(above)) {
                repeatsAbove = true;
            }
            // A header merged across columns, with different labels below it.
            if (c > 0 && above.equals(FindingText.inline(headers.get(c - 1))) && !above.isEmpty()
                    && !below.equals(FindingText.inline(first.get(c - 1)))) {
                splitsAbove = true;
            }
        }
        boolean shortLabels = first.stream().map(FindingText::inline).allMatch(cell -> cell.split("\\s+").length <= 4);
        if (!(repeatsAbove && splitsAbove && shortLabels)) {
            return table;
        }
        List<String> combined = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            String below = c < first.size() ? FindingText.inline(first.get(c)) : "";
            combined.add(below.isEmpty() ? headers.get(c) : below);
        }
        return new TableBlock(table.caption(), combined, table.rows().subList(1, table.rows().size()), table.page());
    }
}
