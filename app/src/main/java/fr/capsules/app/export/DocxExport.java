package fr.capsules.app.export;

import fr.capsules.app.export.ExportDocument.Source;
import fr.capsules.app.export.ExportDocument.TableBody;
import fr.capsules.app.export.ExportDocument.TextBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * Word document: the label (bold, also in the page header so that it is on every printed page), the capsule and model
 * lines, the title, then the body as real paragraphs or as a real table whose header row repeats on each page (with a
 * last "Sources" column naming what each row rests on), then the sources, then the annex of the warnings acknowledged
 * at validation (a table too). Tables are laid out on landscape A4, where seven columns remain readable. Provenance metadata: see
 * {@link OfficeMetadata}.
 */
final class DocxExport {

    private static final String LABEL_COLOUR = "7A2E00";
    private static final String HEADER_FILL = "D9E2F3";

    byte[] write(ExportDocument document, Provenance provenance) throws IOException {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            OfficeMetadata.write(docx.getProperties(), provenance);
            boolean landscape = document.body() instanceof TableBody;
            pageSetup(docx, landscape);
            pageHeader(docx, provenance);

            paragraph(docx, provenance.label(), true, 11, LABEL_COLOUR);
            paragraph(docx, provenance.capsuleLine(), false, 10, null);
            paragraph(docx, provenance.modelLine(), false, 10, null);
            paragraph(docx, provenance.title(), true, 16, null).setSpacingBefore(240);

            switch (document.body()) {
                case TextBody text -> text.paragraphs().forEach(paragraph -> paragraph(docx, paragraph, false, 11, null));
                case TableBody table -> table(docx, table);
            }
            sources(docx, document.sources());
            annex(docx, document);
            docx.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static void pageSetup(XWPFDocument docx, boolean landscape) {
        CTSectPr section = docx.getDocument().getBody().isSetSectPr()
                ? docx.getDocument().getBody().getSectPr()
                : docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        // A4 in twentieths of a point.
        BigInteger shortSide = BigInteger.valueOf(11906);
        BigInteger longSide = BigInteger.valueOf(16838);
        size.setW(landscape ? longSide : shortSide);
        size.setH(landscape ? shortSide : longSide);
        size.setOrient(landscape ? STPageOrientation.LANDSCAPE : STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(1134); // 2 cm
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
    }

    private static void pageHeader(XWPFDocument docx, Provenance provenance) {
        XWPFHeader header = docx.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = header.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun run = paragraph.createRun();
        run.setFontSize(8);
        run.setText(XmlText.safe(provenance.label() + " · " + provenance.capsuleLine()));
    }

    private static XWPFParagraph paragraph(XWPFDocument docx, String text, boolean bold, int size, String colour) {
        XWPFParagraph paragraph = docx.createParagraph();
        paragraph.setSpacingAfter(120);
        write(paragraph, text, bold, size, colour);
        return paragraph;
    }

    /**
     * Writes text into a paragraph, keeping line breaks as Word line breaks: one run per line, the break first,
     * because XMLBeans appends elements by kind and would move every break after the texts of a single run.
     */
    private static void write(XWPFParagraph paragraph, String text, boolean bold, int size, String colour) {
        List<String> lines = XmlText.safe(text).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun run = paragraph.createRun();
            run.setBold(bold);
            run.setFontSize(size);
            if (colour != null) {
                run.setColor(colour);
            }
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines.get(i));
        }
    }

    private static void table(XWPFDocument docx, TableBody table) {
        List<List<String>> lines = new java.util.ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            lines.add(table.line(r));
        }
        grid(docx, table.headers(), lines);
    }

    /** A real Word table: a bold, filled header row that Word repeats at the top of each page, then the rows. */
    private static void grid(XWPFDocument docx, List<String> headers, List<List<String>> rows) {
        XWPFTable grid = docx.createTable(rows.size() + 1, headers.size());
        grid.setWidth("100%");
        XWPFTableRow header = grid.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < headers.size(); c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor(HEADER_FILL);
            write(cell.getParagraphArray(0), headers.get(c), true, 10, null);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow line = grid.getRow(r + 1);
            for (int c = 0; c < headers.size(); c++) {
                write(line.getCell(c).getParagraphArray(0), rows.get(r).get(c), false, 10, null);
            }
        }
    }

    /** The warnings acknowledged at validation, who acknowledged each and when. */
    private static void annex(XWPFDocument docx, ExportDocument document) {
        if (document.acknowledgedWarnings().isEmpty()) {
            return;
        }
        paragraph(docx, ExportDocument.ANNEX_TITLE, true, 13, null).setSpacingBefore(240);
        grid(docx, ExportDocument.ANNEX_HEADERS, document.annexRows());
    }

    private static void sources(XWPFDocument docx, List<Source> sources) {
        if (sources.isEmpty()) {
            return;
        }
        paragraph(docx, "Sources", true, 13, null).setSpacingBefore(240);
        for (Source source : sources) {
            paragraph(docx, source.line(), false, 10, null);
        }
    }
}
