package fr.capsules.ingest.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF page by page with PDFBox. Buffers beyond {@link ParseLimits#maxMainMemoryBytes()}
 * spill to temporary files. A PDF that needs a password to open is rejected; one that only
 * restricts permissions (owner password) is read with its security removed. What its streams inflate
 * to is counted first ({@link InflatedBytes}).
 */
final class PdfParser implements DocumentParser {

    @Override
    public DocumentFormat format() {
        return DocumentFormat.PDF;
    }

    @Override
    public ParsedDocument parse(byte[] content, ParseContext context) throws IOException {
        try {
            return read(content, context);
        } catch (DocumentRejectedException | ParseTimeoutException | ParseLimitException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // PDFBox reports damaged files with English messages and, on some malformed
            // structures, with unchecked exceptions: give the uploader one French sentence.
            throw new IOException("PDF endommagé ou illisible (" + e.getMessage() + ")", e);
        }
    }

    private static ParsedDocument read(byte[] content, ParseContext context) throws IOException {
        ParseLimits limits = context.limits();
        try (PDDocument document = load(content, limits)) {
            InflatedBytes.checkPdf(document.getDocument(), context);
            if (document.isEncrypted()) {
                // Opened with the empty user password: only an owner password restricts it, which
                // does not stop the owner of the document from indexing it.
                document.setAllSecurityToBeRemoved(true);
            }
            List<String> warnings = new ArrayList<>();
            List<HiddenText> hidden = new ArrayList<>();
            int pageCount = document.getNumberOfPages();
            List<List<PdfLine>> pages = readPages(document, context, warnings, hidden);
            PdfLayout layout = PdfLayout.of(pages);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                blocks.addAll(layout.blocksOf(pages.get(i), i + 1));
            }
            if (pageCount > 0 && blocks.isEmpty()) {
                // Not "OCR needed": the ingestion's OCR stage may read it next and says so itself.
                warnings.add("aucun texte extractible : document probablement numérisé en entier");
            }
            hidden.addAll(PdfHiddenParts.annotations(document, pages.size()));
            hidden.addAll(PdfHiddenParts.metadata(document));
            return new ParsedDocument(DocumentFormat.PDF, title(document), pageCount, blocks, warnings, hidden);
        }
    }

    private static PDDocument load(byte[] content, ParseLimits limits) throws IOException {
        try {
            return Loader.loadPDF(content, "", null, null,
                    MemoryUsageSetting.setupMixed(limits.maxMainMemoryBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException("PDF protégé par mot de passe");
        }
    }

    private static List<List<PdfLine>> readPages(PDDocument document, ParseContext context, List<String> warnings,
            List<HiddenText> hidden) throws IOException {
        ParseLimits limits = context.limits();
        TextBudget budget = new TextBudget(limits);
        PdfLineCollector collector = new PdfLineCollector(context);
        int pageCount = document.getNumberOfPages();
        int readable = Math.min(pageCount, limits.maxPages());
        List<List<PdfLine>> pages = new ArrayList<>();
        List<Integer> scanned = new ArrayList<>();
        List<Integer> blank = new ArrayList<>();
        collector.read(document, readable, (number, lines) -> {
            if (lines.isEmpty()) {
                (hasXObjects(document.getPage(number - 1)) ? scanned : blank).add(number);
            }
            if (!budget.admit(lines.stream().mapToInt(l -> l.text().length() + 1).sum())) {
                return false;
            }
            pages.add(lines);
            return true;
        });
        // One warning per kind, pages collapsed into runs: a long scan is one line, not thousands.
        if (!scanned.isEmpty()) {
            warnings.add(PageRanges.of(scanned) + " sans texte, probablement numérisée" + (scanned.size() > 1 ? "s" : ""));
        }
        if (!blank.isEmpty()) {
            warnings.add(PageRanges.of(blank) + " sans texte (page" + (blank.size() > 1 ? "s vides)" : " vide)"));
        }
        budget.reportTo(warnings);
        hidden.addAll(collector.hiddenText());
        if (readable < pageCount && !budget.exhausted()) {
            warnings.add("document tronqué : seules les " + readable + " premières pages sur "
                    + pageCount + " ont été lues");
        }
        return pages;
    }

    private static boolean hasXObjects(PDPage page) {
        PDResources resources = page.getResources();
        return resources != null && resources.getXObjectNames().iterator().hasNext();
    }

    private static String title(PDDocument document) {
        String title = document.getDocumentInformation().getTitle();
        return title == null || title.isBlank() ? null : title.strip();
    }
}
