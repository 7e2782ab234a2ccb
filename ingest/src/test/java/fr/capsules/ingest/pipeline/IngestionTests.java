package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.chunk.ChunkingSettings;
import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.TestFiles;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.parse.ParseLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestionTests extends LexicalIngestionTest {

    private static SourceFile text(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anIndexedPdfReportsPagesPassagesAndAMeaningfulTitleForAGenericName() throws IOException {
        byte[] pdf = TestFiles.pdf(
                "Rapport d'inspection de l'EHPAD Les Glycines\nInspection du 3 avril 2024.",
                "Constats\nLe plan bleu n'est pas actualisé depuis 2019.");

        IngestionResult result = ingestion.ingest(SourceFile.of("2024/glycines/rapport.pdf", pdf), index);

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.chunks()).isGreaterThanOrEqualTo(1);
        assertThat(result.title()).isNotEqualToIgnoringCase("rapport").contains("Glycines");
        assertThat(index.document(result.documentId())).get()
                .satisfies(d -> {
                    assertThat(d.file()).isEqualTo("2024/glycines/rapport.pdf");
                    assertThat(d.date()).isEqualTo("2024-04-03");
                    assertThat(d.sha256()).hasSize(64);
                });
        assertThat(index.search("plan bleu actualisé", 3)).first().satisfies(hit -> assertThat(hit.page()).isEqualTo(2));
    }

    @Test
    void aDateInTheFileNameIsTheDocumentDate() throws IOException {
        IngestionResult result = ingestion.ingest(text("compte-rendu-2024-04-03.md",
                "# Réunion du pôle\n\nLe signalement reçu le 04/03/2024 a été instruit. Prochaine réunion le 2 mai 2024.\n"), index);
        assertThat(index.document(result.documentId())).get().satisfies(d -> assertThat(d.date()).isEqualTo("2024-04-03"));
    }

    @Test
    void anAmbiguousDocumentDateIsReportedAsAWarning() throws IOException {
        IngestionResult result = ingestion.ingest(text("signalement.txt",
                "Signalement\n\nDate du signalement : 04/03/2024.\n\nLe directeur a été informé.\n"), index);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("date ambiguë").contains("04/03/2024"));
        assertThat(index.document(result.documentId())).get().satisfies(d -> assertThat(d.date()).isEqualTo("2024-03-04"));
    }

    @Test
    void theSameBytesUnderAnotherNameAreADuplicate() {
        assertThat(ingestion.ingest(text("a.txt", "Le registre des plaintes est tenu à jour."), index).status())
                .isEqualTo(IngestionStatus.INDEXED);
        IngestionResult again = ingestion.ingest(text("copie/a.txt", "Le registre des plaintes est tenu à jour."), index);
        assertThat(again.status()).isEqualTo(IngestionStatus.DUPLICATE);
        assertThat(again.warnings()).singleElement().asString().contains("a.txt");
    }

    @Test
    void theSameTextInAnotherFormatIsADuplicateByContent() {
        ingestion.ingest(text("note.txt", "Le registre des plaintes est tenu à jour par le secrétariat."), index);
        IngestionResult markdown = ingestion.ingest(text("note.md", "Le registre des plaintes est tenu à jour par le secrétariat.\n"), index);
        assertThat(markdown.status()).isEqualTo(IngestionStatus.DUPLICATE);
        assertThat(markdown.warnings().get(0)).contains("même contenu");
    }

    @Test
    void anIndexClosedUnderTheRunEndsTheRunInsteadOfFailingEveryFile() throws IOException {
        index.close();
        assertThatThrownBy(() -> ingestion.ingestAll(List.of(text("a.txt", "Le registre des plaintes est tenu à jour."),
                text("b.txt", "Les courriers sont enregistrés avant midi.")), index))
                .isInstanceOf(IndexClosedException.class);
    }

    @Test
    void aZeroByteFileIsRejected() {
        IngestionResult result = ingestion.ingest(SourceFile.of("vide.docx", new byte[0]), index);
        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).contains("vide");
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedBeforeBeingRead() {
        SourceFile huge = new SourceFile(new SourceName("enorme.pdf"), 200L * 1024 * 1024, () -> {
            throw new AssertionError("must not be read");
        });
        IngestionResult result = ingestion.ingest(huge, index);
        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).contains("trop volumineux").contains("200,0 Mo").contains("50,0 Mo");
    }

    @Test
    void aCorruptPdfFailsWithAReasonAndTheNextFileIsIndexed() throws IOException {
        byte[] pdf = TestFiles.pdf("Texte quelconque du document.");
        List<IngestionResult> results = ingestion.ingestAll(List.of(
                SourceFile.of("casse.pdf", java.util.Arrays.copyOf(pdf, 200)),
                text("suite.txt", "Ce fichier doit être indexé malgré le précédent.")), index);
        assertThat(results.get(0).status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(results.get(0).error()).startsWith("fichier illisible ou endommagé");
        assertThat(results.get(0).failure()).isEqualTo(FailureReason.UNREADABLE);
        assertThat(results.get(1).status()).isEqualTo(IngestionStatus.INDEXED);
    }

    @Test
    void aFileOverTheTimeLimitFailsAndDoesNotHoldUpTheOthers() throws IOException {
        String[] pages = new String[400];
        java.util.Arrays.fill(pages, "Une page de texte parmi beaucoup d'autres, toutes semblables.");
        byte[] longPdf = TestFiles.pdf(pages);
        IngestionSettings tight = new IngestionSettings(
                50L * 1024 * 1024,
                new ParseLimits(Duration.ofMillis(1), 16L * 1024 * 1024, 5_000_000, 2_000, 100_000),
                ChunkingSettings.defaults());
        try (Ingestion bounded = new Ingestion(tight)) {
            IngestionResult result = bounded.ingest(SourceFile.of("long.pdf", longPdf), index);
            assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(result.error()).contains("limite de temps");
            assertThat(result.failure()).isEqualTo(FailureReason.TIMED_OUT);
        }
        assertThat(ingestion.ingest(text("apres.txt", "Indexé après le fichier trop long."), index).status())
                .isEqualTo(IngestionStatus.INDEXED);
    }

    @Test
    void aPdfWithoutAnyTextLayerIsRejectedAsScanned() throws IOException {
        byte[] blank;
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            blank = out.toByteArray();
        }
        IngestionResult result = ingestion.ingest(SourceFile.of("scan.pdf", blank), index);
        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).contains("numérisé");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("page 1 sans texte"));
    }

    @Test
    void anUnsupportedBinaryIsRejectedWithItsRealType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        IngestionResult result = ingestion.ingest(SourceFile.of("photo.pdf", png), index);
        assertThat(result.status()).isEqualTo(IngestionStatus.REJECTED);
        assertThat(result.error()).containsIgnoringCase("png");
    }
}
