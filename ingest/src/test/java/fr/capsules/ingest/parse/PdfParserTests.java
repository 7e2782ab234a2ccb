package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.capsules.ingest.parse.PdfFixtures.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfParserTests {

    private final PdfParser parser = new PdfParser();

    @TempDir
    Path dir;

    private static ParseContext context() {
        return new ParseContext(ParseLimits.defaults());
    }

    @Test
    void readsHeadingsAndParagraphsPageByPageWithOneBasedPageNumbers() throws IOException {
        ParsedDocument parsed = parser.parse(PdfFixtures.inspectionReport().bytes(dir, "rapport.pdf"), context());

        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(PdfFixtures.texts(parsed)).containsExactly(
                "H1@1 Rapport d'inspection",
                "H2@1 1. Contexte de l'inspection",
                "P@1 L'inspection a eu lieu le 12 mars 2024 à l'EHPAD Les Tilleuls,\nà la suite de deux réclamations de familles.",
                "P@1 La mission était composée de deux inspecteurs de l'agence.",
                "H2@2 2. Constats",
                "H4@2 2.1 Écarts",
                "P@2 Écart n° 1 : l'établissement ne dispose pas d'un plan bleu à jour.",
                "P@2 Écart n° 2 : les transmissions ne sont pas tracées la nuit.",
                "H4@2 2.2 Remarques",
                "P@2 Remarque n° 1 : la procédure de signalement n'est pas affichée.",
                "H2@3 3. Conclusion",
                "P@3 Les mesures correctives figurent dans le tableau annexé.");
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void takesTheMetadataTitleFromTheDocumentInformation() throws IOException {
        ParsedDocument parsed = parser.parse(PdfFixtures.inspectionReport().bytes(dir, "rapport.pdf"), context());

        assertThat(parsed.metadataTitle()).isEqualTo("Rapport d'inspection EHPAD Les Tilleuls");
    }

    @Test
    void warnsInFrenchAboutAPageWithoutTextLayer() throws IOException {
        byte[] pdf = new PdfFixtures()
                .page(Line.first("Première page avec du texte."))
                .scannedPage()
                .page(Line.first("Troisième page avec du texte."))
                .bytes(dir, "scan.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        assertThat(parsed.warnings()).containsExactly("page 2 sans texte, probablement numérisée");
        assertThat(parsed.blocks()).extracting(Block::page).containsExactly(1, 3);
    }

    @Test
    void pagesWithoutTextAreNamedInOneWarningPerKindWithRunsCollapsed() throws IOException {
        byte[] pdf = new PdfFixtures()
                .scannedPage()
                .scannedPage()
                .scannedPage()
                .page(Line.first("Quatrième page avec du texte."))
                .scannedPage()
                .bytes(dir, "scan.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        assertThat(parsed.warnings()).containsExactly("pages 1 à 3, 5 sans texte, probablement numérisées");
    }

    @Test
    void textDrawnAgainOverItselfIsReadOnceAsPdfBoxReadsIt() throws IOException {
        byte[] pdf = new PdfFixtures()
                .overprintedPage(0.4f, "Avis défavorable à l'ouverture.", "Visite de contrôle le 4 juin.")
                .overprintedPage(80f, "Décalé")
                .bytes(dir, "fake-bold.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        // Drawn 0.4 pt apart, each glyph overlaps its twin: shown once. 80 pt apart, both are seen.
        assertThat(PdfFixtures.texts(parsed)).containsExactly("P@1 Avis défavorable à l'ouverture.",
                "P@1 Visite de contrôle le 4 juin.", "P@2 Décalé Décalé");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).strip().split("\\R+"))
                    .containsExactly("Avis défavorable à l'ouverture.", "Visite de contrôle le 4 juin.", "Décalé Décalé");
        }
    }

    @Test
    void pagesWithoutAnyContentStreamKeepTheirPlaceAmongThePages() throws IOException {
        byte[] pdf = new PdfFixtures()
                .blankPage()
                .page(Line.first("Deuxième page avec du texte."))
                .blankPage()
                .blankPage()
                .scannedPage()
                .page(Line.first("Sixième page avec du texte."))
                .blankPage()
                .bytes(dir, "blank.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        assertThat(parsed.pageCount()).isEqualTo(7);
        assertThat(PdfFixtures.texts(parsed)).containsExactly("P@2 Deuxième page avec du texte.",
                "P@6 Sixième page avec du texte.");
        assertThat(parsed.warnings()).containsExactly("page 5 sans texte, probablement numérisée",
                "pages 1, 3, 4, 7 sans texte (pages vides)");
    }

    @Test
    void thePagesAfterTheOneThatExhaustsTheTextBudgetAreNotRead() throws IOException {
        byte[] pdf = new PdfFixtures()
                .page(Line.first("Première page, courte."))
                .blankPage()
                .page(Line.first("Troisième page, dont le texte dépasse à lui seul la limite de caractères du document."))
                .blankPage()
                .scannedPage()
                .page(Line.first("Sixième page."))
                .bytes(dir, "budget.pdf");
        ParseContext limited = new ParseContext(new ParseLimits(Duration.ofSeconds(30), 16L << 20, 60, 2_000, 1_000));

        ParsedDocument parsed = parser.parse(pdf, limited);

        assertThat(PdfFixtures.texts(parsed)).containsExactly("P@1 Première page, courte.");
        assertThat(parsed.warnings()).hasSize(2).startsWith("page 2 sans texte (page vide)");
        assertThat(parsed.warnings().get(1)).startsWith("texte tronqué : limite de 60 caractères");
    }

    @Test
    void warnsThatADocumentWithoutAnyTextIsProbablyAScan() throws IOException {
        byte[] pdf = new PdfFixtures().scannedPage().bytes(dir, "scan.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        assertThat(parsed.isEmpty()).isTrue();
        assertThat(parsed.warnings()).contains("page 1 sans texte, probablement numérisée")
                .contains("aucun texte extractible : document probablement numérisé en entier");
    }

    @Test
    void rejectsAPdfThatNeedsAPasswordToOpen() throws IOException {
        byte[] pdf = new PdfFixtures().page(Line.first("Données confidentielles.")).protect("proprio", "secret")
                .bytes(dir, "protege.pdf");

        assertThatThrownBy(() -> parser.parse(pdf, context()))
                .isInstanceOf(DocumentRejectedException.class)
                .hasMessage("PDF protégé par mot de passe");
    }

    @Test
    void readsAPdfRestrictedOnlyByAnOwnerPassword() throws IOException {
        byte[] pdf = new PdfFixtures().page(Line.first("Texte lisible sans mot de passe.")).protect("proprio", "")
                .bytes(dir, "restreint.pdf");

        ParsedDocument parsed = parser.parse(pdf, context());

        assertThat(PdfFixtures.texts(parsed)).containsExactly("P@1 Texte lisible sans mot de passe.");
    }

    @Test
    void failsWithAnExceptionRatherThanHangingOnATruncatedPdf() throws IOException {
        byte[] whole = PdfFixtures.inspectionReport().bytes(dir, "rapport.pdf");
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                ParsedDocument parsed = parser.parse(truncated, context());
                // PDFBox may recover part of a damaged file; it must then not invent pages.
                assertThat(parsed.pageCount()).isLessThanOrEqualTo(3);
            } catch (IOException e) {
                assertThat(e).isNotNull();
            }
        });
        assertThatThrownBy(() -> parser.parse("%PDF-1.7\n garbage".getBytes(), context()))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("PDF endommagé ou illisible");
    }

    @Test
    void stopsWithATimeoutOnAManyPagePdfWhenTheTimeLimitIsTiny() throws IOException {
        byte[] pdf = PdfFixtures.manyPages(200);
        ParseContext tiny = new ParseContext(new ParseLimits(Duration.ofMillis(1), 16L << 20, 5_000_000, 2_000, 1_000));

        assertThatThrownBy(() -> parser.parse(pdf, tiny)).isInstanceOf(ParseTimeoutException.class);
    }

    @Test
    void stopsAtTheMaximumNumberOfPagesWithAWarning() throws IOException {
        byte[] pdf = PdfFixtures.manyPages(12);
        ParseContext limited = new ParseContext(new ParseLimits(Duration.ofSeconds(30), 16L << 20, 5_000_000, 5, 1_000));

        ParsedDocument parsed = parser.parse(pdf, limited);

        assertThat(parsed.pageCount()).isEqualTo(12);
        assertThat(parsed.blocks()).extracting(Block::page).containsOnly(1, 2, 3, 4, 5);
        assertThat(parsed.warnings()).containsExactly("document tronqué : seules les 5 premières pages sur 12 ont été lues");
    }

    @Test
    void stopsAtTheMaximumNumberOfCharactersWithAWarning() throws IOException {
        byte[] pdf = PdfFixtures.manyPages(12);
        ParseContext limited = new ParseContext(new ParseLimits(Duration.ofSeconds(30), 16L << 20, 100, 2_000, 1_000));

        ParsedDocument parsed = parser.parse(pdf, limited);

        assertThat(parsed.blocks()).extracting(Block::page).allMatch(p -> p <= 3);
        assertThat(parsed.warnings()).singleElement().asString().startsWith("texte tronqué : limite de 100 caractères");
    }
}
