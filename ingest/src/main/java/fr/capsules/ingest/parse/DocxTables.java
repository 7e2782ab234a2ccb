package fr.capsules.ingest.parse;

import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTVMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Converts a Word table to a {@link TableBlock}: horizontally merged cells ({@code gridSpan}) and
 * vertically merged ones ({@code vMerge}) repeat their text into every grid position they cover.
 */
final class DocxTables {

    private DocxTables() {}

    /** The table, or null when it holds no text. */
    static TableBlock toBlock(XWPFTable table, DocxVisibility visibility) {
        CellGrid grid = new CellGrid();
        List<XWPFTableRow> rows = table.getRows();
        for (int r = 0; r < rows.size(); r++) {
            grid.ensureRow(r);
            int col = 0;
            for (XWPFTableCell cell : rows.get(r).getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = gridSpan(pr);
                String text = continuesVerticalMerge(pr) ? aboveOrEmpty(grid, r, col) : visibility.text(cell);
                grid.place(r, col, text, 1, span);
                col += span;
            }
        }
        return grid.toTable("", 0);
    }

    private static int gridSpan(CTTcPr pr) {
        if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.clamp(pr.getGridSpan().getVal().intValue(), 1, CellGrid.MAX_SPAN);
    }

    /** {@code <w:vMerge/>} without a value, or with "continue", continues the cell above. */
    private static boolean continuesVerticalMerge(CTTcPr pr) {
        if (pr == null || !pr.isSetVMerge()) {
            return false;
        }
        CTVMerge merge = pr.getVMerge();
        return !merge.isSetVal() || merge.getVal() == STMerge.CONTINUE;
    }

    private static String aboveOrEmpty(CellGrid grid, int row, int col) {
        String above = grid.at(row - 1, col);
        return above == null ? "" : above;
    }
}
