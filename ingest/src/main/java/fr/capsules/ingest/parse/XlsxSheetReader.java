package fr.capsules.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads one sheet as: a level-1 heading with the sheet name, the title rows above the table
 * (typically one merged row spanning the width), then the table. The header row is the first row
 * holding at least two distinct cells; a merged region's top-left text is repeated into every
 * cell it covers.
 */
final class XlsxSheetReader {

    /** Rows kept beyond maxRows so that title and header rows do not count against it. */
    private static final int HEADROOM_ROWS = 20;

    private final XlsxCells cells;
    private final ParseContext context;

    XlsxSheetReader(XlsxCells cells, ParseContext context) {
        this.cells = cells;
        this.context = context;
    }

    List<Block> read(Sheet sheet, List<String> warnings) {
        int maxRows = context.limits().maxRows();
        NavigableMap<Integer, Map<Integer, String>> original = new TreeMap<>();
        boolean truncated = false;
        for (Row row : sheet) {
            context.checkpoint();
            Map<Integer, String> values = new TreeMap<>();
            for (Cell cell : row) {
                String text = cells.textOf(cell);
                if (!text.isEmpty()) {
                    values.put(cell.getColumnIndex(), text);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            if (original.size() >= maxRows + HEADROOM_ROWS) {
                truncated = true;
                break;
            }
            original.put(row.getRowNum(), values);
        }
        if (original.isEmpty()) {
            return List.of();
        }
        NavigableMap<Integer, Map<Integer, String>> filled = fillMergedRegions(sheet, original);
        int headerRow = headerRow(original);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, sheet.getSheetName(), 0));
        for (Map<Integer, String> titleRow : filled.headMap(headerRow, false).values()) {
            String title = String.join(" ", new LinkedHashSet<>(titleRow.values()));
            blocks.add(blocks.size() == 1 ? new Heading(2, title, 0) : new Paragraph(title, 0));
        }
        NavigableMap<Integer, Map<Integer, String>> tableRows = filled.tailMap(headerRow, true);
        if (tableRows.size() - 1 > maxRows) {
            truncated = true;
            tableRows = tableRows.headMap(tableRows.keySet().stream().skip(maxRows + 1L).findFirst().orElseThrow(), false);
        }
        blocks.add(table(sheet.getSheetName(), tableRows));
        if (truncated) {
            warnings.add("feuille « " + sheet.getSheetName() + " » tronquée : seules les " + maxRows
                    + " premières lignes ont été lues");
        }
        return blocks;
    }

    private static NavigableMap<Integer, Map<Integer, String>> fillMergedRegions(
            Sheet sheet, NavigableMap<Integer, Map<Integer, String>> original) {
        NavigableMap<Integer, Map<Integer, String>> filled = new TreeMap<>();
        original.forEach((row, values) -> filled.put(row, new TreeMap<>(values)));
        int lastRow = original.lastKey();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            Map<Integer, String> top = original.get(region.getFirstRow());
            String text = top == null ? null : top.get(region.getFirstColumn());
            if (text == null) {
                continue;
            }
            // Only rows that exist in the read range: a region may cover a whole column.
            int last = Math.min(region.getLastRow(), lastRow);
            int lastCol = Math.min(region.getLastColumn(), region.getFirstColumn() + CellGrid.MAX_SPAN);
            for (int r = region.getFirstRow(); r <= last; r++) {
                Map<Integer, String> row = filled.computeIfAbsent(r, k -> new TreeMap<>());
                for (int c = region.getFirstColumn(); c <= lastCol; c++) {
                    row.putIfAbsent(c, text);
                }
            }
        }
        return filled;
    }

    /**
     * The first row that spans most of the table's width (at least two cells and 60 % of the widest
     * row), so that neither a merged title row nor the "Date de l'inspection | 22/03/2022" context
     * lines often written above a table are taken for its header.
     */
    private static int headerRow(NavigableMap<Integer, Map<Integer, String>> original) {
        int width = original.values().stream().mapToInt(Map::size).max().orElse(0);
        int needed = Math.max(2, (int) Math.ceil(width * 0.6));
        for (var entry : original.entrySet()) {
            if (entry.getValue().size() >= needed) {
                return entry.getKey();
            }
        }
        return original.firstKey();
    }

    private static TableBlock table(String caption, NavigableMap<Integer, Map<Integer, String>> rows) {
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Map<Integer, String> row : rows.values()) {
            for (int col : row.keySet()) {
                first = Math.min(first, col);
                last = Math.max(last, col);
            }
        }
        CellGrid grid = new CellGrid();
        int r = 0;
        for (Map<Integer, String> row : rows.values()) {
            grid.ensureRow(r);
            for (int c = first; c <= last; c++) {
                grid.place(r, c - first, row.getOrDefault(c, ""), 1, 1);
            }
            r++;
        }
        return grid.toTable(caption, 0);
    }
}
