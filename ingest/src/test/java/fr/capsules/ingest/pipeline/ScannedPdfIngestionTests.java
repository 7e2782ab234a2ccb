package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.ocr.InstalledTesseract;
import fr.capsules.ingest.ocr.OcrSettings;
import fr.capsules.ingest.ocr.ScanFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanned and partly scanned PDFs through the whole pipeline, with the real Tesseract where installed. */
class ScannedPdfIngestionTests {

    private static final List<String> FINDING = List.of(
            "Rapport d'inspection de l'EHPAD Les Tilleuls",
            "Écart n° 3 : le registre des réclamations n'est pas tenu depuis le 12 mars 2024.");

    @TempDir
    Path dir;

    private CapsuleIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir.resolve("index"), IndexSettings.lexicalOnly());
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private OcrSettings ocr() {
        // 200 dpi: the pages are rendered at the resolution they were scanned at, and the tests stay quick.
        return OcrSettings.defaults().withDpi(200).withTempDirectory(dir.resolve("ocr-tmp"));
    }

    private List<IngestionResult> ingest(OcrSettings ocr, SourceFile... files) {
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults().withOcr(ocr))) {
            return ingestion.ingestAll(List.of(files), index);
        }
    }

    private static byte[] scannedPdf(List<String> text) throws IOException {
        return ScanFixtures.pdfOf(List.of(ScanFixtures.cleanScan(text, 200)));
    }

    private List<Path> leftInOcrTemp() throws IOException {
        Path temp = dir.resolve("ocr-tmp");
        if (!Files.exists(temp)) {
            return List.of();
        }
        try (Stream<Path> left = Files.list(temp)) {
            return left.toList();
        }
    }

    @Test
    void aScannedPdfIsReadByOcrAndItsTextIsSearchable() throws IOException {
        InstalledTesseract.assume();

        IngestionResult result = ingest(ocr(), SourceFile.of("scan.pdf", scannedPdf(FINDING))).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.counts()).containsEntry("pages lues par OCR", 1);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("texte obtenu par reconnaissance de caractères (OCR) : page 1, confiance moyenne"));
        List<PassageHit> hits = index.search("registre des réclamations", 5);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).text()).contains("12 mars 2024");
        assertThat(hits.get(0).page()).isEqualTo(1);
        assertThat(leftInOcrTemp()).isEmpty();
    }

    @Test
    void aMixedPdfKeepsItsTextLayerAndReadsOnlyItsScannedPageByOcr() throws IOException {
        InstalledTesseract.assume();
        byte[] mixed = ScanFixtures.mixed("Synthese de la visite du 4 juillet 2023 au foyer Les Acacias.",
                ScanFixtures.cleanScan(FINDING, 200));

        IngestionResult result = ingest(ocr(), SourceFile.of("mixte.pdf", mixed)).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.counts()).containsEntry("pages lues par OCR", 1);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("(OCR) : page 2,"));
        assertThat(index.search("visite foyer Acacias", 5)).first().satisfies(h -> assertThat(h.page()).isEqualTo(1));
        assertThat(index.search("registre des réclamations", 5)).first()
                .satisfies(h -> assertThat(h.page()).isEqualTo(2));
    }

    @Test
    void pagesUnderTheConfidenceThresholdAreNamedInAWarning() throws IOException {
        InstalledTesseract.assume();
        // No real page reads at 100 % confidence: every page is under this threshold.
        IngestionResult result = ingest(ocr().withMinConfidence(100),
                SourceFile.of("scan.pdf", scannedPdf(FINDING))).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.warnings()).contains("OCR peu fiable (confiance inférieure à 100 %) : page 1 ; relisez le"
                + " texte de ces pages ou déposez une numérisation plus nette");
    }

    @Test
    void aConfidentPageCarriesNoLowConfidenceWarning() throws IOException {
        InstalledTesseract.assume();

        IngestionResult result = ingest(ocr(), SourceFile.of("scan.pdf", scannedPdf(FINDING))).get(0);

        assertThat(result.warnings()).noneSatisfy(w -> assertThat(w).contains("OCR peu fiable"));
    }

    @Test
    void withOcrSwitchedOffAScanIsRejectedAsBefore() throws IOException {
        IngestionResult result = ingest(OcrSettings.disabled(), SourceFile.of("scan.pdf", scannedPdf(FINDING))).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).contains("à passer à l'OCR");
        assertThat(result.warnings()).noneSatisfy(w -> assertThat(w).contains("Tesseract"));
        assertThat(result.counts()).doesNotContainKey("pages lues par OCR");
    }

    @Test
    void withoutTesseractAScanIsRejectedAsBeforeAndTheReportSaysHowToInstallIt() throws IOException {
        OcrSettings absent = ocr().withExecutable(dir.resolve("nulle-part/tesseract").toString());

        IngestionResult result = ingest(absent, SourceFile.of("scan.pdf", scannedPdf(FINDING))).get(0);

        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).contains("à passer à l'OCR");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("pages numérisées non lues : Tesseract n'est pas installé sur ce serveur")
                .contains("apt install tesseract-ocr tesseract-ocr-fra"));
    }

    @Test
    void aTwoThousandPageScanIsReadUpToThePageLimitAndTheRestOfTheUploadGoesOn() throws IOException {
        InstalledTesseract.assume();
        BufferedImage sheet = ScanFixtures.cleanScan(List.of("Registre des visites de 2019, feuillet numérisé."), 100);
        byte[] longScan = ScanFixtures.repeatedScan(sheet, 2_000);
        SourceFile after = SourceFile.of("note.txt",
                "Note de service du 2 mai 2024 sur les astreintes.".getBytes(StandardCharsets.UTF_8));

        List<IngestionResult> results = ingest(ocr().withMaxPages(3).withDpi(100),
                SourceFile.of("archives-2019.pdf", longScan), after);

        IngestionResult scan = results.get(0);
        assertThat(scan.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(scan.pages()).isEqualTo(2_000);
        assertThat(scan.counts()).containsEntry("pages lues par OCR", 3);
        assertThat(scan.warnings()).contains(
                "pages 1 à 2000 sans texte, probablement numérisées",
                "numérisation trop longue : seules les 3 premières pages numérisées sur 2000 ont été lues par OCR"
                        + " (limite par fichier) ; les 1997 autres ne sont pas indexées, déposez-les en fichiers"
                        + " séparés");
        assertThat(scan.warnings()).hasSizeLessThan(6);
        assertThat(results.get(1).status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(leftInOcrTemp()).isEmpty();
    }
    @Test
    void interruptingTheIngestionDuringOcrKillsTesseractAndFailsTheFileAsInterrupted() throws Exception {
        Path started = dir.resolve("started");
        Path hanging = dir.resolve("tesseract");
        // Answers the presence check as a French-speaking Tesseract, then hangs on the page.
        Files.writeString(hanging, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo fra; exit 0; fi\n"
                + "echo partiel > \"$TMPDIR/page.tmp\"; touch '" + started + "'; exec sleep 30\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        byte[] scan = scannedPdf(FINDING);
        CompletableFuture<IngestionResult> outcome = new CompletableFuture<>();
        Thread ingesting = Thread.ofPlatform().start(() -> outcome.complete(
                ingest(ocr().withExecutable(hanging.toString()), SourceFile.of("scan.pdf", scan)).get(0)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(started) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(started).exists();

        ingesting.interrupt();

        IngestionResult result = outcome.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(result.failure()).isEqualTo(FailureReason.INTERRUPTED);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
        assertThat(leftInOcrTemp()).isEmpty();
    }
}
