package fr.capsules.ingest.ocr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Reads the scanned pages of a PDF: each page without a text layer that holds an image is
 * rendered ({@link PageImage}) and recognised ({@link Tesseract}), one at a time, up to {@link
 * OcrSettings#maxPages()} per file. A page that fails is reported and the others go on.
 *
 * <p>Thread-safe (no state beyond its settings). Interrupting the calling thread stops the page
 * being read (its process is killed) and the rest.
 */
public final class ScannedPages {

    private static final long PDF_MEMORY_BYTES = 64L * 1024 * 1024;

    private final Tesseract tesseract;

    public ScannedPages(Tesseract tesseract) {
        this.tesseract = tesseract;
    }

    /**
     * @param pdf the file's bytes, already parsed once successfully
     * @param withoutText 1-based numbers of the pages the parser found no text on, in order
     * @throws IOException when the PDF cannot be opened again
     * @throws InterruptedException when the calling thread was interrupted
     */
    public ScanReading read(byte[] pdf, List<Integer> withoutText) throws IOException, InterruptedException {
        OcrSettings settings = tesseract.settings();
        List<RecognizedPage> pages = new ArrayList<>();
        Map<Integer, String> failures = new LinkedHashMap<>();
        int scanned = 0;
        int beyond = 0;
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMixed(PDF_MEMORY_BYTES).streamCache)) {
            if (document.isEncrypted()) {
                document.setAllSecurityToBeRemoved(true);
            }
            for (int page : withoutText) {
                if (page < 1 || page > document.getNumberOfPages() || !holdsImage(document.getPage(page - 1))) {
                    continue;
                }
                scanned++;
                if (scanned > settings.maxPages()) {
                    beyond++;
                    continue;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("OCR interrupted");
                }
                try {
                    pages.add(recognize(document, page, settings.dpi()));
                } catch (OcrPageException e) {
                    failures.put(page, e.getMessage());
                }
            }
        }
        return ScanReading.of(pages, failures, scanned, beyond);
    }

    private RecognizedPage recognize(PDDocument document, int page, int dpi)
            throws OcrPageException, InterruptedException {
        PageImage image;
        try {
            image = PageImage.render(document, page, dpi);
        } catch (IOException | RuntimeException e) {
            throw new OcrPageException("page illisible pour l'OCR (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            throw new OcrPageException("page trop lourde à afficher pour l'OCR (mémoire)");
        }
        return tesseract.recognize(page, image.pgm(), image.dpi());
    }

    private static boolean holdsImage(PDPage page) {
        PDResources resources = page.getResources();
        return resources != null && resources.getXObjectNames().iterator().hasNext();
    }
}
