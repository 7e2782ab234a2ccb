package fr.capsules.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxParserTests {

    private final DocxParser parser = new DocxParser();
    private final ParseContext context = new ParseContext(ParseLimits.defaults());

    @TempDir
    Path dir;

    private ParsedDocument report() throws IOException {
        return parser.parse(Files.readAllBytes(OfficeFixtures.inspectionReportDocx(dir)), context);
    }

    @Test
    void readsHeadingsFromFrenchWordStylesInBodyOrder() throws IOException {
        assertThat(PdfFixtures.texts(report())).containsExactly(
                "H1@0 Rapport d'inspection",
                "H1@0 Constats",
                "P@0 L'inspection a relevé deux écarts et une remarque.",
                "P@0 Écart 1 : plan bleu absent",
                "P@0 Écart 2 : transmissions non tracées",
                "H2@0 Tableau des mesures",
                "T  [Établissement, Constat, Nature, Délai] "
                        + "[[EHPAD Les Tilleuls, Plan bleu absent, Injonction, 3 mois], "
                        + "[EHPAD Les Tilleuls, Transmissions non tracées, Recommandation sans délai, Recommandation sans délai]]",
                "H2@0 Annexe : textes de référence",
                "P@0 Code de l'action sociale et des familles, article L. 311-3.");
    }

    @Test
    void repeatsVerticallyAndHorizontallyMergedCellsSoEveryRowHasTheHeaderWidth() throws IOException {
        TableBlock table = report().blocks().stream()
                .filter(TableBlock.class::isInstance).map(TableBlock.class::cast).findFirst().orElseThrow();

        assertThat(table.rows()).allSatisfy(row -> assertThat(row).hasSameSizeAs(table.headers()));
        assertThat(table.rows().get(1)).containsExactly(
                "EHPAD Les Tilleuls", "Transmissions non tracées", "Recommandation sans délai", "Recommandation sans délai");
    }

    @Test
    void takesTheMetadataTitleFromTheCoreProperties() throws IOException {
        ParsedDocument parsed = report();

        assertThat(parsed.metadataTitle()).isEqualTo("Rapport d'inspection – EHPAD Les Tilleuls");
        assertThat(parsed.pageCount()).isZero();
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void refusesAZipBombDisguisedAsAWordFileQuickly() throws IOException {
        byte[] bomb = OfficeFixtures.zipBombDocx();
        assertThat(bomb.length).isLessThan(200_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> new Parsers().parse("rapport.docx", bomb, context))
                        .isInstanceOf(DocumentRejectedException.class)
                        .hasMessageContaining("bombe ZIP"));
    }

    @Test
    void reportsADamagedWordFileWithAFrenchMessage() throws IOException {
        byte[] whole = Files.readAllBytes(OfficeFixtures.inspectionReportDocx(dir));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> parser.parse(truncated, context))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("document Word");
    }

    @Test
    void stopsAtTheCharacterLimitWithAWarning() throws IOException {
        ParseContext small = new ParseContext(new ParseLimits(Duration.ofSeconds(10), 1 << 20, 60, 10, 10));

        ParsedDocument parsed = parser.parse(Files.readAllBytes(OfficeFixtures.inspectionReportDocx(dir)), small);

        assertThat(parsed.blocks()).hasSizeLessThan(4);
        assertThat(parsed.warnings()).extracting(String::toString)
                .isEqualTo(List.of("texte tronqué : limite de 60 caractères atteinte, la suite du fichier n'a pas été lue"));
    }
}
