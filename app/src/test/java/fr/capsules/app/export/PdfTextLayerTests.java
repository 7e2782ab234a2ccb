package fr.capsules.app.export;

import static fr.capsules.app.export.ExportSamples.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF's text layer reads and searches as written: extractors find "vérifié", not "vériﬁé" with the U+FB01
 * ligature, whether they are PDFBox or poppler's {@code pdftotext} (what desktop search and many indexers use).
 */
class PdfTextLayerTests {

    /** The Latin ligatures of Unicode's "Alphabetic Presentation Forms" block (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ). */
    private static final String LIGATURES = "[\\x{FB00}-\\x{FB06}]";

    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

    @Test
    void pdfBoxExtractsWordsWithFiAndFfiExactly() throws IOException {
        byte[] bytes = EXPORTER.export(ExportSamples.reviewedMeasureTable(), ExportFormat.PDF).bytes();

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);

            assertThat(text).contains("vérifié", "fiche", "affichée", "Afficher", "Inès Inspectrice");
            assertThat(text).doesNotContainPattern(LIGATURES);
        }
    }

    @Test
    void aTextAnswerExtractsExactlyToo() throws IOException {
        ExportDocument answer = ExporterTests.withBody(ExportSamples.answer(),
                "Le dossier a été vérifié : la fiche officielle est affichée, efficace et définitive.");

        try (PDDocument pdf = Loader.loadPDF(EXPORTER.export(answer, ExportFormat.PDF).bytes())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Le dossier a été vérifié : la fiche officielle est affichée, efficace et définitive.")
                    .doesNotContainPattern(LIGATURES);
        }
    }

    @Test
    void pdftotextFindsTheWordsAsWritten(@TempDir Path folder) throws Exception {
        if (!Files.isExecutable(PDFTOTEXT)) {
            System.err.println("""
                    *** SKIPPED: PdfTextLayerTests.pdftotextFindsTheWordsAsWritten needs pdftotext; \
                    install it with: apt-get install -y poppler-utils ***""");
        }
        Assumptions.assumeTrue(Files.isExecutable(PDFTOTEXT),
                "pdftotext (poppler-utils) is missing: apt-get install -y poppler-utils");
        Path pdf = folder.resolve("tableau.pdf");
        Files.write(pdf, EXPORTER.export(ExportSamples.reviewedMeasureTable(), ExportFormat.PDF).bytes());
        Path txt = folder.resolve("tableau.txt");

        Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", pdf.toString(), txt.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String text = Files.readString(txt, StandardCharsets.UTF_8);
        assertThat(text).contains("vérifié", "fiche", "affichée", "Afficher", "Généré par IA — validé par Inès Inspectrice");
        assertThat(text).doesNotContainPattern(LIGATURES);
    }
}
