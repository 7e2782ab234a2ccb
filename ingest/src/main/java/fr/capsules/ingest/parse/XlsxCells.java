package fr.capsules.ingest.parse;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The displayed text of a spreadsheet cell. Formulas show their cached result (nothing is
 * recalculated), and dates are written the French way, dd/MM/yyyy, whatever the cell format: an
 * American "m/d/yy" format would otherwise turn 03/04 into the 4th of March.
 */
final class XlsxCells {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DataFormatter formatter;

    XlsxCells() {
        this.formatter = new DataFormatter(Locale.FRANCE);
        formatter.setUseCachedValuesForFormulaCells(true);
    }

    String textOf(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime value = cell.getLocalDateTimeCellValue();
            if (value != null) {
                return formatDate(value);
            }
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static String formatDate(LocalDateTime value) {
        // Excel stores a bare time of day as a date in 1899/1900.
        if (value.getYear() < 1901) {
            return TIME.format(value);
        }
        return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? DATE.format(value) : DATE_TIME.format(value);
    }
}
