package fr.capsules.ingest.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Writes real DOCX and XLSX files with POI, shaped like the agency's documents. */
final class OfficeFixtures {

    private OfficeFixtures() {}

    /**
     * A Word report as French Word saves it: style ids "Titre1"/"Titre2" named "heading 1/2", a
     * custom style based on "Titre2", a table with vertically and horizontally merged cells.
     */
    static Path inspectionReportDocx(Path dir) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("Rapport d'inspection – EHPAD Les Tilleuls");
            XWPFStyles styles = doc.createStyles();
            styles.addStyle(style(style("Titre", "Title", null, null)));
            styles.addStyle(style(style("Titre1", "heading 1", null, 0)));
            styles.addStyle(style(style("Titre2", "heading 2", null, 1)));
            styles.addStyle(style(style("TitreAnnexe", "Titre annexe", "Titre2", null)));

            paragraph(doc, "Titre", "Rapport d'inspection");
            paragraph(doc, "Titre1", "Constats");
            paragraph(doc, null, "L'inspection a relevé deux écarts et une remarque.");
            paragraph(doc, "Paragraphedeliste", "Écart 1 : plan bleu absent");
            paragraph(doc, "Paragraphedeliste", "Écart 2 : transmissions non tracées");
            paragraph(doc, null, "   ");
            paragraph(doc, "Titre2", "Tableau des mesures");
            measuresTable(doc);
            paragraph(doc, "TitreAnnexe", "Annexe : textes de référence");
            paragraph(doc, null, "Code de l'action sociale et des familles, article L. 311-3.");
            return write(dir.resolve("rapport.docx"), doc::write);
        }
    }

    private static CTStyle style(String id, String name, String basedOn, Integer outlineLevel) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
        }
        if (outlineLevel != null) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        return style;
    }

    private static XWPFStyle style(CTStyle ct) {
        return new XWPFStyle(ct);
    }

    private static void paragraph(XWPFDocument doc, String styleId, String text) {
        var p = doc.createParagraph();
        if (styleId != null) {
            p.setStyle(styleId);
        }
        p.createRun().setText(text);
    }

    private static void measuresTable(XWPFDocument doc) {
        XWPFTable table = doc.createTable(3, 4);
        String[] header = {"Établissement", "Constat", "Nature", "Délai"};
        for (int c = 0; c < 4; c++) {
            table.getRow(0).getCell(c).setText(header[c]);
        }
        XWPFTableCell establishment = table.getRow(1).getCell(0);
        establishment.setText("EHPAD Les Tilleuls");
        establishment.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
        table.getRow(1).getCell(1).setText("Plan bleu absent");
        table.getRow(1).getCell(2).setText("Injonction");
        table.getRow(1).getCell(3).setText("3 mois");

        table.getRow(2).getCell(0).getCTTc().addNewTcPr().addNewVMerge(); // continues the cell above
        table.getRow(2).getCell(1).setText("Transmissions non tracées");
        table.getRow(2).removeCell(3);
        XWPFTableCell spanning = table.getRow(2).getCell(2);
        spanning.setText("Recommandation sans délai");
        spanning.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
    }

    /**
     * A follow-up workbook: a merged title row over the table, an empty row, the header, a merged
     * establishment column, US-formatted dates, a formula; an empty sheet; a one-column sheet.
     */
    static Path followUpXlsx(Path dir) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setTitle("Suivi des mesures 2024");
            XSSFSheet sheet = wb.createSheet("Suivi 2024");
            CellStyle usDate = wb.createCellStyle();
            usDate.setDataFormat((short) 14); // built-in "m/d/yy"
            sheet.createRow(0).createCell(0).setCellValue("Suivi des mesures d'inspection 2024");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
            Row header = sheet.createRow(2);
            String[] names = {"Établissement", "Date de visite", "Mesure", "Coût (€)"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            row(sheet, 3, "EHPAD Les Tilleuls", LocalDate.of(2024, 3, 4), "Mettre à jour le plan bleu", 1500.5, usDate);
            row(sheet, 4, null, LocalDate.of(2024, 11, 28), "Tracer les transmissions de nuit", 320, usDate);
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            sheet.createRow(5); // an empty row between data rows
            Row total = sheet.createRow(6);
            total.createCell(2).setCellValue("Total");
            total.createCell(3).setCellFormula("SUM(D4:D5)");
            wb.createSheet("Feuil2");
            XSSFSheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Remarques");
            notes.createRow(1).createCell(0).setCellValue("Relancer l'établissement en janvier.");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            return write(dir.resolve("suivi.xlsx"), wb::write);
        }
    }

    private static void row(XSSFSheet sheet, int index, String establishment, LocalDate date, String measure,
            double cost, CellStyle dateStyle) {
        Row row = sheet.createRow(index);
        if (establishment != null) {
            row.createCell(0).setCellValue(establishment);
        }
        var dateCell = row.createCell(1);
        dateCell.setCellValue(date);
        dateCell.setCellStyle(dateStyle);
        row.createCell(2).setCellValue(measure);
        row.createCell(3).setCellValue(cost);
    }

    /**
     * A ZIP bomb dressed as a Word file: a 40 MB document part of spaces compresses to a few KB.
     */
    static byte[] zipBombDocx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static Path write(Path file, Writer writer) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
        return file;
    }
}
