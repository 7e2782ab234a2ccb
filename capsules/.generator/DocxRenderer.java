import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes a {@link Doc} as DOCX with real paragraph styles (Title, Heading1, Heading2 carrying an
 * outline level) so that parsers can recover the outline, and real tables with merged cells.
 */
final class DocxRenderer {

    void render(Doc d, Path out) throws IOException {
        try (XWPFDocument x = new XWPFDocument()) {
            XWPFStyles styles = x.createStyles();
            normal(styles);
            style(styles, "Title", "Title", -1, 32);
            style(styles, "Heading1", "heading 1", 0, 28);
            style(styles, "Heading2", "heading 2", 1, 24);
            XWPFParagraph t = x.createParagraph();
            t.setStyle("Title");
            t.createRun().setText(d.title);
            if (d.subtitle != null) {
                XWPFRun r = x.createParagraph().createRun();
                r.setItalic(true);
                r.setText(d.subtitle);
            }
            for (Doc.Block b : d.blocks) {
                switch (b) {
                    case Doc.Heading h -> {
                        XWPFParagraph p = x.createParagraph();
                        p.setStyle("Heading" + h.level());
                        p.createRun().setText(h.text());
                    }
                    case Doc.Para p -> {
                        XWPFParagraph para = x.createParagraph();
                        para.setAlignment(ParagraphAlignment.BOTH);
                        XWPFRun r = para.createRun();
                        r.setItalic(p.italic());
                        lines(r, p.text());
                    }
                    case Doc.Bullets bl -> {
                        for (String item : bl.items()) {
                            XWPFParagraph para = x.createParagraph();
                            para.setIndentationLeft(360);
                            para.setIndentationHanging(240);
                            para.createRun().setText("–\t" + item);
                        }
                    }
                    case Doc.Table tb -> table(x, tb);
                    case Doc.PageBreak pb -> x.createParagraph().createRun().addBreak(BreakType.PAGE);
                    case Doc.Scan s -> throw new IllegalArgumentException("scans are PDF-only");
                }
            }
            var core = x.getProperties().getCoreProperties();
            if (d.metaTitle != null) core.setTitle(d.metaTitle);
            core.setCreator(d.metaAuthor);
            core.setCreated(Optional.of(d.created.getTime()));
            core.setModified(Optional.of(d.created.getTime()));
            core.setLastModifiedByUser(d.metaAuthor);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            x.write(bytes);
            Files.createDirectories(out.getParent());
            Files.write(out, Zips.normalize(bytes.toByteArray()));
        }
    }

    private static void lines(XWPFRun r, String text) {
        String[] parts = text.split("\n", -1);
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) r.addBreak();
            r.setText(parts[k], k);
        }
    }

    private static void normal(XWPFStyles styles) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId("Normal");
        ct.setType(STStyleType.PARAGRAPH);
        ct.setDefault(true);
        ct.addNewName().setVal("Normal");
        ct.addNewQFormat();
        ct.addNewRPr().addNewSz().setVal(BigInteger.valueOf(22));
        styles.addStyle(new XWPFStyle(ct));
    }

    private static void style(XWPFStyles styles, String id, String name, int outline, int halfPoints) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewBasedOn().setVal("Normal");
        ct.addNewNext().setVal("Normal");
        ct.addNewQFormat();
        if (outline >= 0) {
            ct.addNewUiPriority().setVal(BigInteger.valueOf(9));
            ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            ct.getPPr().addNewKeepNext();
            ct.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(outline == 0 ? 360 : 200));
        }
        var rpr = ct.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewColor().setVal(outline == 1 ? "2F5496" : "1F3864");
        styles.addStyle(new XWPFStyle(ct));
    }

    private static void table(XWPFDocument x, Doc.Table tb) {
        int cols = tb.widths().length;
        XWPFTable table = x.createTable(tb.rows().size(), cols);
        table.setWidth("100%");
        double sum = 0;
        for (double w : tb.widths()) sum += w;
        for (int r = 0; r < tb.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r == 0 && tb.header()) row.setRepeatHeader(true);
            for (int c = 0; c < cols; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(Math.round(tb.widths()[c] / sum * 100) + "%");
                String v = c < tb.rows().get(r).length ? tb.rows().get(r)[c] : "";
                XWPFParagraph p = cell.getParagraphs().get(0);
                XWPFRun run = p.createRun();
                run.setBold(r == 0 && tb.header());
                run.setFontSize(9);
                lines(run, v);
                if (r == 0 && tb.header()) cell.setColor("D9E2F3");
            }
        }
        // vertical merges first, then horizontal ones (which remove cells and shift indexes right to left)
        for (Doc.Merge m : tb.merges()) {
            if (m.rowSpan() > 1) {
                for (int r = m.row(); r < m.row() + m.rowSpan(); r++) {
                    CTTcPr pr = tcPr(table.getRow(r).getCell(m.col()));
                    if (r == m.row()) pr.addNewVMerge().setVal(STMerge.RESTART);
                    else {
                        pr.addNewVMerge().setVal(STMerge.CONTINUE);
                        XWPFTableCell cell = table.getRow(r).getCell(m.col());
                        cell.getParagraphs().get(0).getRuns().forEach(run -> run.setText("", 0));
                    }
                }
            }
        }
        for (Doc.Merge m : tb.merges()) {
            if (m.colSpan() > 1) {
                XWPFTableRow row = table.getRow(m.row());
                tcPr(row.getCell(m.col())).addNewGridSpan().setVal(BigInteger.valueOf(m.colSpan()));
                row.getCell(m.col()).setWidth("100%");
                for (int c = m.col() + m.colSpan() - 1; c > m.col(); c--) row.removeCell(c);
            }
        }
        x.createParagraph();
    }

    private static CTTcPr tcPr(XWPFTableCell cell) {
        return cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    }
}
