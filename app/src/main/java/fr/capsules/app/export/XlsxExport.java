package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbook: the label (bold), the capsule and model lines and the title in the first rows, then the table with a
 * bold, filled header row (frozen, filtered, repeated on printed pages) and wrapped cells in columns sized to their
 * content (a last "Sources" column names what each row rests on), or, for a text answer, one paragraph per row in a
 * wide wrapped column; then the sources. The warnings acknowledged at validation are on a second sheet,
 * "Avertissements". The label is also in the printed page header. Cells are written as text, never as formulas.
 * Provenance metadata: see {@link OfficeMetadata}.
 */
final class XlsxExport {

    /** Column widths in characters: narrow columns stay legible, wide ones wrap instead of running off screen. */
    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;
    private static final int TEXT_WIDTH = 100;
    private static final int MAX_CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String TRUNCATED = " […] (texte tronqué : voir l'export DOCX ou PDF)";

    byte[] write(ExportDocument document, Provenance provenance) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            OfficeMetadata.write(workbook.getProperties(), provenance);
            Styles styles = new Styles(workbook);
            boolean table = document.body() instanceof TableBody;
            XSSFSheet sheet = workbook.createSheet(table ? "Tableau" : "Réponse");
            printSetup(sheet, provenance, table);

            int next = 0;
            text(sheet.createRow(next++), provenance.label(), styles.label);
            text(sheet.createRow(next++), provenance.capsuleLine(), null);
            text(sheet.createRow(next++), provenance.modelLine(), null);
            next++;
            text(sheet.createRow(next++), provenance.title(), styles.title);
            next++;

            next = switch (document.body()) {
                case TextBody text -> textBody(sheet, text, styles, next);
                case TableBody body -> tableBody(sheet, body, styles, next);
            };
            sources(sheet, document.sources(), styles, next + 1);
            annex(workbook, document, provenance, styles);
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static void printSetup(XSSFSheet sheet, Provenance provenance, boolean landscape) {
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setLandscape(landscape);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        // "&" starts a control code in Excel headers; doubled it is a literal ampersand.
        sheet.getHeader().setCenter(XmlText.safe(provenance.label()).replace("&", "&&"));
        sheet.getFooter().setRight("&P / &N");
    }

    private static int textBody(XSSFSheet sheet, TextBody text, Styles styles, int first) {
        sheet.setColumnWidth(0, TEXT_WIDTH * 256);
        int next = first;
        for (String paragraph : text.paragraphs()) {
            // A paragraph longer than a cell allows continues on the next rows rather than being cut.
            String rest = XmlText.safe(paragraph);
            while (!rest.isEmpty()) {
                int end = Math.min(rest.length(), MAX_CELL);
                text(sheet.createRow(next++), rest.substring(0, end), styles.wrapped);
                rest = rest.substring(end);
            }
        }
        return next;
    }

    private static int tableBody(XSSFSheet sheet, TableBody table, Styles styles, int first) {
        List<List<String>> lines = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            lines.add(table.line(r));
        }
        return grid(sheet, table.headers(), lines, styles, first);
    }

    /**
     * A header row (bold, filled, frozen, filtered, repeated on printed pages) and one row per line, in columns sized
     * to their content; answers the next free row.
     */
    private static int grid(XSSFSheet sheet, List<String> headers, List<List<String>> lines, Styles styles, int first) {
        Row header = sheet.createRow(first);
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(cellText(headers.get(c)));
            header.getCell(c).setCellStyle(styles.header);
            widths[c] = longestLine(headers.get(c)) + 2;
        }
        int next = first + 1;
        for (List<String> values : lines) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < headers.size(); c++) {
                String value = values.get(c);
                row.createCell(c).setCellValue(cellText(value));
                row.getCell(c).setCellStyle(styles.cell);
                widths[c] = Math.max(widths[c], longestLine(value) + 2);
            }
        }
        for (int c = 0; c < headers.size(); c++) {
            sheet.setColumnWidth(c, Math.clamp(widths[c], MIN_WIDTH, MAX_WIDTH) * 256);
        }
        sheet.createFreezePane(0, first + 1);
        sheet.setAutoFilter(new CellRangeAddress(first, Math.max(first, next - 1), 0, headers.size() - 1));
        sheet.setRepeatingRows(new CellRangeAddress(first, first, -1, -1));
        return next;
    }

    /**
     * The warnings acknowledged at validation, on a sheet of their own so that the table's sheet stays one table; the
     * sheet starts with the label and the annex title.
     */
    private static void annex(XSSFWorkbook workbook, ExportDocument document, Provenance provenance, Styles styles) {
        if (document.acknowledgedWarnings().isEmpty()) {
            return;
        }
        XSSFSheet sheet = workbook.createSheet("Avertissements");
        printSetup(sheet, provenance, true);
        text(sheet.createRow(0), provenance.label(), styles.label);
        text(sheet.createRow(2), ExportDocument.ANNEX_TITLE, styles.title);
        grid(sheet, ExportDocument.ANNEX_HEADERS, document.annexRows(), styles, 4);
    }

    private static void sources(XSSFSheet sheet, List<Source> sources, Styles styles, int first) {
        if (sources.isEmpty()) {
            return;
        }
        int next = first;
        text(sheet.createRow(next++), "Sources", styles.title);
        for (Source source : sources) {
            text(sheet.createRow(next++), source.line(), null);
        }
    }

    private static void text(Row row, String value, CellStyle style) {
        row.createCell(0).setCellValue(cellText(value));
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
    }

    /** XML-safe and within Excel's cell limit, marked when cut so that nobody takes a truncated cell as whole. */
    private static String cellText(String value) {
        String safe = XmlText.safe(value);
        return safe.length() <= MAX_CELL ? safe : safe.substring(0, MAX_CELL - TRUNCATED.length()) + TRUNCATED;
    }

    private static int longestLine(String value) {
        return value.lines().mapToInt(String::length).max().orElse(0);
    }

    /** The few cell styles of the sheet, created once per workbook (Excel limits their number). */
    private static final class Styles {

        final CellStyle label;
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle wrapped;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font labelFont = workbook.createFont();
            labelFont.setBold(true);
            labelFont.setColor(IndexedColors.DARK_RED.getIndex());
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);

            label = workbook.createCellStyle();
            label.setFont(labelFont);
            title = workbook.createCellStyle();
            title.setFont(titleFont);

            header = bordered(workbook);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            cell = bordered(workbook);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
