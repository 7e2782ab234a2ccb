import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Format-neutral description of one example document: a title block followed by headings,
 * paragraphs, bullet lists, tables, page breaks and "scanned" pages. Rendered to PDF by
 * {@link PdfRenderer} and to DOCX by {@link DocxRenderer}.
 */
final class Doc {

    sealed interface Block permits Heading, Para, Bullets, Table, PageBreak, Scan {}

    record Heading(int level, String text) implements Block {}

    record Para(String text, boolean italic) implements Block {}

    record Bullets(List<String> items) implements Block {}

    /** A vertical or horizontal merge anchored at (row, col); DOCX renders it, PDF blanks the covered cells. */
    record Merge(int row, int col, int rowSpan, int colSpan) {}

    record Table(double[] widths, List<String[]> rows, boolean header, List<Merge> merges) implements Block {}

    record PageBreak() implements Block {}

    /** A page that exists only as an image (no text layer). */
    record Scan(List<String> lines, long seed) implements Block {}

    final String path;
    String title;
    String subtitle;
    String header = "ARS — Direction de l'autonomie";
    String footer = "Document interne — diffusion restreinte";
    /** PDF/DOCX metadata title; null leaves the metadata title empty on purpose. */
    String metaTitle;
    String metaAuthor = "ARS";
    String metaSubject;
    Calendar created = date(2024, 1, 15);
    boolean hyphenate;
    boolean ligatures;
    final List<Block> blocks = new ArrayList<>();

    Doc(String path, String title) {
        this.path = path;
        this.title = typo(title);
    }

    Doc subtitle(String s) { subtitle = typo(s); return this; }
    Doc header(String s) { header = s; return this; }
    Doc footer(String s) { footer = s; return this; }
    Doc meta(String title, String author, Calendar created) {
        metaTitle = title; metaAuthor = author; this.created = created; return this;
    }
    Doc noMetaTitle(String author, Calendar created) {
        metaTitle = null; metaAuthor = author; this.created = created; return this;
    }
    Doc subject(String s) { metaSubject = s; return this; }
    Doc hyphenate() { hyphenate = true; return this; }
    Doc ligatures() { ligatures = true; return this; }

    Doc h1(String t) { blocks.add(new Heading(1, typo(t))); return this; }
    Doc h2(String t) { blocks.add(new Heading(2, typo(t))); return this; }
    Doc p(String t) { blocks.add(new Para(typo(t.strip().replaceAll("\\s*\\n\\s*", " ")), false)); return this; }
    Doc i(String t) { blocks.add(new Para(typo(t.strip().replaceAll("\\s*\\n\\s*", " ")), true)); return this; }
    Doc bullets(String... items) {
        List<String> l = new ArrayList<>();
        for (String s : items) l.add(typo(s));
        blocks.add(new Bullets(l));
        return this;
    }
    Doc table(double[] widths, String[]... rows) { return table(widths, List.of(), rows); }
    Doc table(double[] widths, List<Merge> merges, String[]... rows) {
        List<String[]> l = new ArrayList<>();
        for (String[] r : rows) {
            String[] c = new String[r.length];
            for (int k = 0; k < r.length; k++) c[k] = typo(r[k]);
            l.add(c);
        }
        blocks.add(new Table(widths, l, true, merges));
        return this;
    }
    Doc pageBreak() { blocks.add(new PageBreak()); return this; }
    Doc scan(long seed, String... lines) { blocks.add(new Scan(List.of(lines), seed)); return this; }

    static Calendar date(int y, int m, int d) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(y, m - 1, d, 9, 0, 0);
        return c;
    }

    /** French typography: no-break space before ":" and narrow no-break space before ";?!" and inside guillemets. */
    static String typo(String s) {
        if (s == null) return null;
        return s.replace(" :", "\u00A0:")
                .replace(" ;", "\u202F;")
                .replace(" ?", "\u202F?")
                .replace(" !", "\u202F!")
                .replace("« ", "«\u00A0")
                .replace(" »", "\u00A0»");
    }
}
