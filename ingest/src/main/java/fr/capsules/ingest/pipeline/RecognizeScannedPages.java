package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.ocr.OcrSettings;
import fr.capsules.ingest.ocr.RecognizedPage;
import fr.capsules.ingest.ocr.ScanReading;
import fr.capsules.ingest.ocr.ScannedPages;
import fr.capsules.ingest.ocr.Tesseract;
import fr.capsules.ingest.parse.Block;
import fr.capsules.ingest.parse.DocumentFormat;
import fr.capsules.ingest.parse.Heading;
import fr.capsules.ingest.parse.PageRanges;
import fr.capsules.ingest.parse.Paragraph;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.TableBlock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the PDF pages the parser found no text on with OCR ({@link ScannedPages}): their text
 * joins the document as paragraphs of their pages, and the file's report says which pages were
 * read this way, with what confidence, which ones read poorly and which ones were not read (page
 * limit, failure). With OCR switched off nothing happens, and without Tesseract the report says
 * how to install it; either way a file with no text at all is then rejected as scanned, as before.
 *
 * <p>Tesseract's presence is checked once per run, at the first scanned page.
 */
final class RecognizeScannedPages implements IngestionStage {

    static final String COUNT = "pages lues par OCR";

    private final OcrSettings settings;
    private final int maxParsedPages;
    private final Tesseract tesseract;
    private final ScannedPages scannedPages;
    private Optional<String> unavailable;

    /** @param maxParsedPages the parser's page limit: pages beyond it were not read at all */
    RecognizeScannedPages(OcrSettings settings, int maxParsedPages) {
        this.settings = settings;
        this.maxParsedPages = maxParsedPages;
        this.tesseract = new Tesseract(settings);
        this.scannedPages = new ScannedPages(tesseract);
    }

    @Override
    public void apply(FileIngestion file) throws IOException {
        ParsedDocument document = file.document();
        if (!settings.enabled() || document.format() != DocumentFormat.PDF) {
            return;
        }
        List<Integer> withoutText = pagesWithoutText(document);
        if (withoutText.isEmpty()) {
            return;
        }
        ScanReading reading;
        try {
            if (unavailable == null) {
                unavailable = tesseract.unavailability();
            }
            if (unavailable.isPresent()) {
                file.warn("pages numérisées non lues : " + unavailable.get());
                return;
            }
            reading = scannedPages.read(file.bytes(), withoutText);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            file.fail(FailureReason.INTERRUPTED, "indexation interrompue pendant la reconnaissance de caractères (OCR)");
            return;
        }
        if (reading.scanned() == 0) {
            return;
        }
        file.document(withRecognisedText(document, reading));
        report(file, reading);
    }

    private List<Integer> pagesWithoutText(ParsedDocument document) {
        Set<Integer> withText = new HashSet<>();
        for (Block block : document.blocks()) {
            if (hasText(block)) {
                withText.add(block.page());
            }
        }
        List<Integer> pages = new ArrayList<>();
        for (int page = 1; page <= Math.min(document.pageCount(), maxParsedPages); page++) {
            if (!withText.contains(page)) {
                pages.add(page);
            }
        }
        return pages;
    }

    private static boolean hasText(Block block) {
        return switch (block) {
            case Heading h -> !h.text().isBlank();
            case Paragraph p -> !p.text().isBlank();
            case TableBlock t -> !t.rows().isEmpty();
        };
    }

    /** The document's blocks with the recognised paragraphs in page order; a stable sort keeps each page's order. */
    private static ParsedDocument withRecognisedText(ParsedDocument document, ScanReading reading) {
        List<Block> blocks = new ArrayList<>(document.blocks());
        for (RecognizedPage page : reading.pages()) {
            page.paragraphs().forEach(text -> blocks.add(new Paragraph(text, page.page())));
        }
        blocks.sort(Comparator.comparingInt(Block::page));
        return new ParsedDocument(document.format(), document.metadataTitle(), document.pageCount(), blocks,
                document.warnings());
    }

    private void report(FileIngestion file, ScanReading reading) {
        List<RecognizedPage> read = reading.pages().stream().filter(p -> p.words() > 0).toList();
        if (!read.isEmpty()) {
            file.warn("texte obtenu par reconnaissance de caractères (OCR) : "
                    + PageRanges.of(read.stream().map(RecognizedPage::page).toList())
                    + ", confiance moyenne " + percent(reading.meanConfidence()) + confidences(read));
        }
        List<Integer> poor = read.stream().filter(p -> p.confidence() < settings.minConfidence())
                .map(RecognizedPage::page).toList();
        if (!poor.isEmpty()) {
            file.warn("OCR peu fiable (confiance inférieure à " + percent(settings.minConfidence()) + ") : "
                    + PageRanges.of(poor) + " ; relisez le texte de ces pages ou déposez une numérisation plus nette");
        }
        List<Integer> empty = reading.pages().stream().filter(p -> p.words() == 0).map(RecognizedPage::page).toList();
        if (!empty.isEmpty()) {
            file.warn("aucun texte reconnu par l'OCR : " + PageRanges.of(empty));
        }
        reading.failures().forEach((page, why) -> file.warn("page " + page + " non lue par l'OCR : " + why));
        if (reading.beyondLimit() > 0) {
            int limit = settings.maxPages();
            file.warn("numérisation trop longue : seules les " + limit + " premières pages numérisées sur "
                    + reading.scanned() + " ont été lues par OCR (limite par fichier) ; les " + reading.beyondLimit()
                    + " autres ne sont pas indexées, déposez-les en fichiers séparés");
        }
        file.count(COUNT, read.size());
    }

    /** Each page's confidence, for files short enough that the list stays readable. */
    private static String confidences(List<RecognizedPage> read) {
        if (read.size() < 2 || read.size() > 30) {
            return "";
        }
        return " (" + read.stream().map(p -> "p. " + p.page() + " : " + percent(p.confidence()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }
}
