import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays a {@link Doc} out on A4 pages: wrapped paragraphs measured with the embedded font's
 * widths, optional French-style hyphenation at line ends, tables with wrapped cells, running
 * header and "Page n / N" footer. Layout is done first so the page count is known when drawing.
 */
final class PdfRenderer {

    private static final float W = PDRectangle.A4.getWidth();
    private static final float H = PDRectangle.A4.getHeight();
    private static final float ML = 62, MR = 62, MT = 78, MB = 66;
    private static final float BODY = 10f;

    private record Text(float x, float y, boolean bold, boolean italic, float size, float gray, String s) {}
    private record Line(float x1, float y1, float x2, float y2) {}
    private record Fill(float x, float y, float w, float h, float gray) {}

    private static final class Page {
        final List<Object> ops = new ArrayList<>();
        Doc.Scan scan;
    }

    private final Path fontDir;
    private PDFont regular, bold, italic;
    private final Map<Character, Boolean> encodable = new HashMap<>();
    private List<Page> pages;
    private Page page;
    private float y;
    private Doc doc;

    PdfRenderer(Path fontDir) {
        this.fontDir = fontDir;
    }

    void render(Doc d, Path out) throws IOException {
        this.doc = d;
        encodable.clear();
        try (PDDocument pdf = new PDDocument()) {
            regular = PDType0Font.load(pdf, fontDir.resolve("DejaVuSans.ttf").toFile());
            bold = PDType0Font.load(pdf, fontDir.resolve("DejaVuSans-Bold.ttf").toFile());
            italic = PDType0Font.load(pdf, fontDir.resolve("DejaVuSans-Oblique.ttf").toFile());
            layout();
            draw(pdf);
            PDDocumentInformation info = pdf.getDocumentInformation();
            if (d.metaTitle != null) info.setTitle(d.metaTitle);
            if (d.metaAuthor != null) info.setAuthor(d.metaAuthor);
            if (d.metaSubject != null) info.setSubject(d.metaSubject);
            info.setCreator("Capsules example generator");
            info.setProducer("Apache PDFBox");
            info.setCreationDate(d.created);
            info.setModificationDate(d.created);
            // A fixed document ID keeps regenerated files byte-identical (PDFBox would otherwise hash the clock).
            byte[] id = Ids.md5(d.path);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            pdf.save(out.toFile());
        }
    }

    // ---------------------------------------------------------------- layout

    private void layout() {
        pages = new ArrayList<>();
        newPage();
        if (doc.title != null) {
            y -= 6;
            for (String l : wrap(doc.title, bold, 16.5f, W - ML - MR, false)) text(ML, bold, 16.5f, 0f, l, 16.5f * 1.3f);
            if (doc.subtitle != null) {
                y -= 2;
                for (String l : wrap(doc.subtitle, regular, 10.5f, W - ML - MR, false)) text(ML, regular, 10.5f, 0.35f, l, 14f);
            }
            y -= 6;
            page.ops.add(new Line(ML, y, W - MR, y));
            y -= 14;
        }
        for (Doc.Block b : doc.blocks) {
            switch (b) {
                case Doc.Heading h -> heading(h);
                case Doc.Para p -> paragraph(p.text(), p.italic() ? italic : regular, ML, W - ML - MR);
                case Doc.Bullets bl -> {
                    for (String item : bl.items()) {
                        List<String> lines = wrap(item, regular, BODY, W - ML - MR - 14, doc.hyphenate);
                        for (int k = 0; k < lines.size(); k++) {
                            ensure(BODY * 1.4f);
                            if (k == 0) page.ops.add(new Text(ML + 3, y - BODY, false, false, BODY, 0f, "•"));
                            text(ML + 14, regular, BODY, 0f, lines.get(k), BODY * 1.4f);
                        }
                        y -= 2;
                    }
                    y -= 4;
                }
                case Doc.Table t -> table(t);
                case Doc.PageBreak pb -> { if (!page.ops.isEmpty()) newPage(); }
                case Doc.Scan s -> {
                    Page p = new Page();
                    p.scan = s;
                    pages.add(p);
                    newPage();
                }
            }
        }
        // drop a trailing empty page left by a final scan or page break
        if (page.ops.isEmpty() && page.scan == null && pages.size() > 1) pages.remove(pages.size() - 1);
    }

    private void newPage() {
        page = new Page();
        pages.add(page);
        y = H - MT;
    }

    private void ensure(float h) {
        if (y - h < MB) newPage();
    }

    private void heading(Doc.Heading h) {
        float size = h.level() == 1 ? 12.5f : 11f;
        float before = h.level() == 1 ? 12f : 8f;
        List<String> lines = wrap(h.text(), bold, size, W - ML - MR, false);
        // keep a heading with at least two lines of what follows
        ensure(before + lines.size() * size * 1.35f + 2 * BODY * 1.4f);
        if (y < H - MT) y -= before;
        for (String l : lines) text(ML, bold, size, h.level() == 1 ? 0.1f : 0.2f, l, size * 1.35f);
        y -= 3;
    }

    private void paragraph(String s, PDFont font, float x, float width) {
        for (String l : wrap(s, font, BODY, width, doc.hyphenate)) {
            ensure(BODY * 1.4f);
            text(x, font, BODY, 0f, l, BODY * 1.4f);
        }
        y -= 6;
    }

    private void text(float x, PDFont font, float size, float gray, String s, float leading) {
        ensure(leading);
        page.ops.add(new Text(x, y - size, font == bold, font == italic, size, gray, s));
        y -= leading;
    }

    private void table(Doc.Table t) {
        float fs = 8.2f, lh = fs * 1.32f, pad = 3.5f;
        float tw = W - ML - MR;
        double sum = 0;
        for (double w : t.widths()) sum += w;
        float[] cw = new float[t.widths().length];
        for (int k = 0; k < cw.length; k++) cw[k] = (float) (t.widths()[k] / sum * tw);
        boolean[][] covered = new boolean[t.rows().size()][cw.length];
        for (Doc.Merge m : t.merges())
            for (int r = m.row(); r < m.row() + m.rowSpan(); r++)
                for (int c = m.col(); c < m.col() + m.colSpan(); c++)
                    if (r != m.row() || c != m.col()) covered[r][c] = true;
        y -= 2;
        for (int r = 0; r < t.rows().size(); r++) {
            boolean head = t.header() && r == 0;
            List<List<String>> cells = cellLines(t.rows().get(r), cw, covered[r], head, fs, pad);
            float rh = rowHeight(cells, lh, pad);
            if (y - rh < MB) {
                newPage();
                if (t.header() && r > 0) {
                    List<List<String>> hc = cellLines(t.rows().get(0), cw, covered[0], true, fs, pad);
                    drawRow(hc, cw, rowHeight(hc, lh, pad), true, fs, lh, pad);
                }
            }
            drawRow(cells, cw, rh, head, fs, lh, pad);
        }
        y -= 10;
    }

    private List<List<String>> cellLines(String[] row, float[] cw, boolean[] covered, boolean head, float fs, float pad) {
        List<List<String>> cells = new ArrayList<>();
        for (int c = 0; c < cw.length; c++) {
            String v = c < row.length && !covered[c] ? row[c] : "";
            List<String> lines = new ArrayList<>();
            for (String part : v.split("\n")) lines.addAll(wrap(part, head ? bold : regular, fs, cw[c] - 2 * pad, false));
            cells.add(lines);
        }
        return cells;
    }

    private static float rowHeight(List<List<String>> cells, float lh, float pad) {
        int max = 1;
        for (List<String> c : cells) max = Math.max(max, c.size());
        return max * lh + 2 * pad;
    }

    private void drawRow(List<List<String>> cells, float[] cw, float rh, boolean head, float fs, float lh, float pad) {
        float x = ML, tw = W - ML - MR;
        if (head) page.ops.add(new Fill(ML, y - rh, tw, rh, 0.88f));
        page.ops.add(new Line(ML, y, ML + tw, y));
        page.ops.add(new Line(ML, y - rh, ML + tw, y - rh));
        for (int c = 0; c < cw.length; c++) {
            page.ops.add(new Line(x, y, x, y - rh));
            List<String> lines = cells.get(c);
            for (int k = 0; k < lines.size(); k++)
                page.ops.add(new Text(x + pad, y - pad - fs * 0.95f - k * lh, head, false, fs, 0f, lines.get(k)));
            x += cw[c];
        }
        page.ops.add(new Line(ML + tw, y, ML + tw, y - rh));
        y -= rh;
    }

    // ---------------------------------------------------------------- line breaking

    private float width(PDFont f, float size, String s) {
        try {
            return f.getStringWidth(clean(s)) / 1000f * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.55f;
        }
    }

    private List<String> wrap(String text, PDFont f, float size, float maxW, boolean hyph) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String w : text.split(" ")) {
            if (w.isEmpty()) continue;
            String cand = line.isEmpty() ? w : line + " " + w;
            if (width(f, size, cand) <= maxW) { line = cand; continue; }
            String cleanW = w.replace("\u00AD", "");
            List<Integer> bps = Hyphenation.breakPoints(w, hyph);
            for (int k = bps.size() - 1; k >= 0; k--) {
                String prefix = cleanW.substring(0, bps.get(k));
                String test = (line.isEmpty() ? "" : line + " ") + prefix + "-";
                if (width(f, size, test) <= maxW) {
                    lines.add(test);
                    line = "";
                    w = cleanW.substring(bps.get(k));
                    break;
                }
            }
            if (!line.isEmpty()) { lines.add(line); line = ""; }
            w = w.replace("\u00AD", "");
            while (width(f, size, w) > maxW && w.length() > 1) {
                int n = w.length() - 1;
                while (n > 1 && width(f, size, w.substring(0, n)) > maxW) n--;
                lines.add(w.substring(0, n));
                w = w.substring(n);
            }
            line = w;
        }
        if (!line.isEmpty()) lines.add(line);
        if (lines.isEmpty()) lines.add("");
        lines.replaceAll(l -> l.replace("\u00AD", ""));
        return lines;
    }

    // ---------------------------------------------------------------- drawing

    private void draw(PDDocument pdf) throws IOException {
        int n = pages.size();
        for (int k = 0; k < n; k++) {
            Page p = pages.get(k);
            PDPage pdPage = new PDPage(PDRectangle.A4);
            pdf.addPage(pdPage);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, pdPage)) {
                if (p.scan != null) {
                    byte[] jpeg = ScanImage.render(p.scan, fontDir);
                    PDImageXObject img = JPEGFactory.createFromByteArray(pdf, jpeg);
                    cs.drawImage(img, 0, 0, W, H);
                    continue;
                }
                runningHeader(cs, k + 1, n);
                for (Object op : p.ops) {
                    switch (op) {
                        case Fill f -> {
                            cs.setNonStrokingColor(f.gray());
                            cs.addRect(f.x(), f.y(), f.w(), f.h());
                            cs.fill();
                        }
                        case Line l -> {
                            cs.setStrokingColor(0.3f);
                            cs.setLineWidth(0.5f);
                            cs.moveTo(l.x1(), l.y1());
                            cs.lineTo(l.x2(), l.y2());
                            cs.stroke();
                        }
                        case Text t -> show(cs, t.bold() ? bold : t.italic() ? italic : regular, t.size(), t.gray(), t.x(), t.y(), t.s());
                        default -> throw new IllegalStateException();
                    }
                }
            }
        }
    }

    private void runningHeader(PDPageContentStream cs, int number, int total) throws IOException {
        show(cs, regular, 7.5f, 0.4f, ML, H - 42, doc.header);
        cs.setStrokingColor(0.6f);
        cs.setLineWidth(0.4f);
        cs.moveTo(ML, H - 47);
        cs.lineTo(W - MR, H - 47);
        cs.stroke();
        show(cs, regular, 7.5f, 0.4f, ML, 34, doc.footer);
        String pn = "Page " + number + " / " + total;
        show(cs, regular, 8f, 0.2f, W - MR - width(regular, 8f, pn), 34, pn);
    }

    private void show(PDPageContentStream cs, PDFont f, float size, float gray, float x, float y, String s) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.setNonStrokingColor(gray);
        cs.newLineAtOffset(x, y);
        cs.showText(clean(doc.ligatures ? ligate(s, f) : s));
        cs.endText();
    }

    /** Replaces characters the font cannot encode, so a missing glyph never aborts generation. */
    private String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.replace("\u00AD", "").toCharArray()) {
            boolean ok = encodable.computeIfAbsent(c, ch -> {
                try {
                    regular.encode(String.valueOf(ch));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (!ok && c != '\u202F') System.err.println("WARN no glyph for U+" + Integer.toHexString(c) + " in " + doc.path);
            b.append(ok ? c : c == '\u202F' ? '\u00A0' : '?');
        }
        return b.toString();
    }

    /** Typesetter-style ligature glyphs, as found in PDFs exported from desktop publishing tools. */
    private static String ligate(String s, PDFont f) {
        return s.replace("ffi", "\uFB03").replace("ffl", "\uFB04").replace("ff", "\uFB00")
                .replace("fi", "\uFB01").replace("fl", "\uFB02");
    }
}
