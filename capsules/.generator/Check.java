import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * Reads every generated file back the way the ingestion will (PDFBox text stripper, POI) and fails
 * loudly if accents are lost, if a page unexpectedly lacks text, or if a text page appears where the
 * scan should be.
 */
final class Check {
    private Check() {}

    static void run(Path capsules) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(capsules)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !capsules.relativize(p).toString().startsWith("."))
                    .sorted().toList();
        }
        int problems = 0;
        long total = 0;
        System.out.println();
        System.out.println("== check ==");
        for (Path p : files) {
            total += Files.size(p);
            String name = p.getFileName().toString();
            String rel = capsules.relativize(p).toString();
            if (name.endsWith(".pdf")) problems += pdf(p, rel);
            else if (name.endsWith(".docx")) problems += docx(p, rel);
            else if (name.endsWith(".xlsx")) problems += xlsx(p, rel);
        }
        System.out.printf("total size of capsules/: %d bytes%n", total);
        if (problems > 0) throw new IllegalStateException(problems + " problem(s) found");
        System.out.println("all checks passed");
    }

    private static int pdf(Path p, String rel) throws IOException {
        int problems = 0;
        try (PDDocument d = Loader.loadPDF(p.toFile())) {
            PDFTextStripper st = new PDFTextStripper();
            int n = d.getNumberOfPages();
            StringBuilder pages = new StringBuilder();
            String all = "";
            for (int k = 1; k <= n; k++) {
                st.setStartPage(k);
                st.setEndPage(k);
                String t = st.getText(d).strip();
                all += t;
                boolean empty = t.isEmpty();
                pages.append(empty ? " [p" + k + ": NO TEXT]" : " p" + k + ":" + t.length());
                boolean scanned = d.getPage(k - 1).getResources().getXObjectNames().iterator().hasNext();
                if (empty != scanned) {
                    System.out.println("  !! page " + k + " text/scan mismatch");
                    problems++;
                }
            }
            String title = d.getDocumentInformation().getTitle();
            boolean accents = all.matches("(?s).*[éèàçêô].*");
            System.out.printf("%-75s pages=%d title=%s accents=%s%s%n", rel, n,
                    title == null ? "(none)" : "\"" + title + "\"", accents, pages);
            if (!accents || all.contains("?é") || all.contains("\uFFFD")) problems++;
        }
        return problems;
    }

    private static int docx(Path p, String rel) throws IOException {
        try (InputStream in = Files.newInputStream(p); XWPFDocument d = new XWPFDocument(in)) {
            long headings = d.getParagraphs().stream().map(XWPFParagraph::getStyleID)
                    .filter(s -> s != null && s.startsWith("Heading")).count();
            String first = d.getParagraphs().get(0).getText();
            System.out.printf("%-75s headings=%d tables=%d first=\"%s\"%n", rel, headings, d.getTables().size(), first);
            return headings == 0 ? 1 : 0;
        }
    }

    private static int xlsx(Path p, String rel) throws IOException {
        try (InputStream in = Files.newInputStream(p); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sh = wb.getSheetAt(0);
            System.out.printf("%-75s rows=%d merged=%d%n", rel, sh.getLastRowNum() + 1, sh.getNumMergedRegions());
            return sh.getNumMergedRegions() == 0 ? 1 : 0;
        }
    }
}
