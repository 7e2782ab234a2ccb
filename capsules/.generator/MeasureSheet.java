import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A historical "tableau des mesures" as inspectors keep them in Excel: a merged title row, a few
 * lines of context, a header row, and a "Thème" column whose cells are merged over the rows of
 * the same theme.
 */
record MeasureSheet(String path, String title, String[][] context, Calendar inspectionDate, List<Item> items) {

    record Item(String numero, String theme, String constat, String type, String reference, String mesure,
            String nature, String delai) {}

    private static final String[] HEADER = {"N°", "Thème", "Constat", "Type", "Référence", "Mesure", "Nature", "Délai"};
    private static final int[] WIDTHS = {6, 16, 48, 10, 30, 52, 16, 12};

    void write(Path root) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sh = wb.createSheet("Mesures");
            CellStyle titleStyle = style(wb, true, 13, false, false);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            CellStyle headStyle = style(wb, true, 10, true, true);
            CellStyle body = style(wb, false, 10, false, true);
            CellStyle themeStyle = style(wb, true, 10, false, true);
            CellStyle label = style(wb, true, 10, false, false);
            CellStyle plain = style(wb, false, 10, false, false);
            CellStyle dateStyle = style(wb, false, 10, false, false);
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            dateStyle.setAlignment(HorizontalAlignment.LEFT);

            int r = 0;
            Row tr = sh.createRow(r);
            tr.setHeightInPoints(24);
            cell(tr, 0, title, titleStyle);
            sh.addMergedRegion(new CellRangeAddress(r, r, 0, HEADER.length - 1));
            r += 2;
            for (String[] kv : context) {
                Row row = sh.createRow(r);
                cell(row, 0, kv[0], label);
                sh.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
                if (kv[1] == null && inspectionDate != null) {
                    Cell c = row.createCell(2);
                    c.setCellValue(inspectionDate);
                    c.setCellStyle(dateStyle);
                } else {
                    cell(row, 2, kv[1], plain);
                }
                r++;
            }
            r++;
            Row head = sh.createRow(r++);
            for (int c = 0; c < HEADER.length; c++) cell(head, c, HEADER[c], headStyle);
            int first = r;
            for (int k = 0; k < items.size(); k++) {
                Item it = items.get(k);
                Row row = sh.createRow(r);
                String[] v = {it.numero(), it.theme(), it.constat(), it.type(), it.reference(), it.mesure(), it.nature(), it.delai()};
                for (int c = 0; c < v.length; c++) cell(row, c, v[c], c == 1 ? themeStyle : body);
                boolean sameAsPrevious = k > 0 && items.get(k - 1).theme().equals(it.theme());
                if (sameAsPrevious) row.getCell(1).setBlank();
                r++;
            }
            // merge the Thème column over consecutive rows of the same theme
            int start = 0;
            for (int k = 1; k <= items.size(); k++) {
                if (k == items.size() || !items.get(k).theme().equals(items.get(start).theme())) {
                    if (k - start > 1) sh.addMergedRegion(new CellRangeAddress(first + start, first + k - 1, 1, 1));
                    start = k;
                }
            }
            for (int c = 0; c < WIDTHS.length; c++) sh.setColumnWidth(c, WIDTHS[c] * 256);
            sh.createFreezePane(0, first);
            var core = wb.getProperties().getCoreProperties();
            core.setCreator("ARS — Direction de l'autonomie");
            core.setCreated(Optional.of(inspectionDate != null ? inspectionDate.getTime() : Doc.date(2023, 1, 1).getTime()));
            core.setModified(Optional.of(inspectionDate != null ? inspectionDate.getTime() : Doc.date(2023, 1, 1).getTime()));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            Path out = root.resolve(path);
            Files.createDirectories(out.getParent());
            Files.write(out, Zips.normalize(bytes.toByteArray()));
        }
    }

    private static void cell(Row row, int c, String v, CellStyle s) {
        Cell cell = row.createCell(c);
        cell.setCellValue(Doc.typo(v));
        cell.setCellStyle(s);
    }

    private static CellStyle style(XSSFWorkbook wb, boolean bold, int size, boolean fill, boolean border) {
        CellStyle s = wb.createCellStyle();
        XSSFFont f = wb.createFont();
        f.setBold(bold);
        f.setFontHeightInPoints((short) size);
        f.setFontName("Calibri");
        s.setFont(f);
        s.setWrapText(border);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        if (fill) {
            s.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }
}
