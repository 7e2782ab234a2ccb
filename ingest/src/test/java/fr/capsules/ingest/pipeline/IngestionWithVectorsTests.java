package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.SourceName;
import fr.capsules.ingest.TestFiles;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SynonymHashingEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionWithVectorsTests {

    @TempDir Path dir;

    private CapsuleIndex index;

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir, IndexSettings.of(SynonymHashingEmbedder.create()));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static SourceFile text(String name, String content) {
        return SourceFile.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static final SourceFile COMPLAINTS =
            text("reclamations.md", "# Réclamations\n\nLe délai est de deux mois après réception.\n");
    private static final SourceFile VISITS =
            text("visites.md", "# Visites\n\nLes familles sont accueillies chaque après-midi.\n");

    @Test
    void passagesAreIndexedWithVectorsOfTheirHeadingsAndText() throws IOException {
        SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults(), embedder)) {
            // Visits first: between two equally distant passages, the first indexed wins.
            List<IngestionResult> results = ingestion.ingestAll(List.of(VISITS, COMPLAINTS), index);

            assertThat(results).extracting(IngestionResult::status)
                    .containsOnly(IngestionStatus.INDEXED);
        }

        // "doléance" is only a synonym of the heading "Réclamations": neither BM25 nor the
        // passage text alone could lead to it.
        List<PassageHit> hits = index.search("doléance", embedder.vector("doléance"), 2);
        assertThat(hits).extracting(PassageHit::file).first().isEqualTo("reclamations.md");
    }

    @Test
    void manyPassagesAreEmbeddedInBoundedBatches() throws IOException {
        StringBuilder markdown = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            markdown.append("# Mesure ").append(i).append("\n\nPrescription numéro ").append(i)
                    .append(" : mettre à jour le registre des plaintes de l'établissement.\n\n");
        }
        SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults(), embedder)) {
            IngestionResult result = ingestion.ingest(text("mesures.md", markdown.toString()), index);

            assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
            assertThat(result.chunks()).isGreaterThan(PassageEmbedding.BATCH);
            assertThat(embedder.batchSizes())
                    .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(PassageEmbedding.BATCH))
                    .hasSizeGreaterThan(1);
            assertThat(embedder.batchSizes().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(result.chunks());
        }
        assertThat(index.passageCount()).isEqualTo(
                index.documents().getFirst().chunks());
    }

    @Test
    void aModelOutageFailsTheFileInFrenchAndIndexesNothingOfIt() throws IOException {
        try (Ingestion ingestion =
                new Ingestion(IngestionSettings.defaults(), SynonymHashingEmbedder.failing())) {
            IngestionResult result = ingestion.ingest(COMPLAINTS, index);

            assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(result.error())
                    .startsWith("le modèle d'embeddings ne répond pas : connexion refusée")
                    .endsWith("; réessayez quand il sera disponible");
            assertThat(result.failure()).isEqualTo(FailureReason.EMBEDDINGS_UNAVAILABLE);
        }
        index.commit();
        assertThat(index.documents()).isEmpty();
        assertThat(index.passageCount()).isZero();
    }

    @Test
    void afterAnOutageTheRestOfTheRunFailsWithoutWaitingForTheModelAgain() throws IOException {
        SynonymHashingEmbedder down = SynonymHashingEmbedder.failing();
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults(), down)) {
            List<IngestionResult> results = ingestion.ingestAll(List.of(COMPLAINTS, VISITS), index);

            assertThat(results).extracting(IngestionResult::status)
                    .containsExactly(IngestionStatus.FAILED, IngestionStatus.FAILED);
            assertThat(results.get(1).error()).contains("ne répond pas");
            assertThat(down.calls()).isEqualTo(1);

            // A new run asks the model again: it may be back.
            ingestion.ingest(VISITS, index);
            assertThat(down.calls()).isEqualTo(2);
        }
    }

    @Test
    void aFileFailedByTheModelIsIndexedByALaterRun() throws IOException {
        try (Ingestion down =
                new Ingestion(IngestionSettings.defaults(), SynonymHashingEmbedder.failing())) {
            down.ingest(COMPLAINTS, index);
        }
        try (Ingestion up = new Ingestion(IngestionSettings.defaults(), SynonymHashingEmbedder.create())) {
            assertThat(up.ingest(COMPLAINTS, index).status()).isEqualTo(IngestionStatus.INDEXED);
        }
        assertThat(index.documents()).hasSize(1);
    }

    @Test
    void aVectorIndexWithoutAnEmbedderIsAConfigurationErrorRaisedBeforeAnyFile() {
        try (Ingestion lexicalOnly = new Ingestion(IngestionSettings.defaults())) {
            assertThatThrownBy(() -> lexicalOnly.ingestAll(List.of(COMPLAINTS), index))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no embedder");
        }
    }

    @Test
    void anEmbedderOfAnotherModelIsRefused() {
        try (Ingestion other = new Ingestion(IngestionSettings.defaults(),
                SynonymHashingEmbedder.create("bge-m3", 64))) {
            assertThatThrownBy(() -> other.ingest(COMPLAINTS, index))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'test-hashing' (dimension 64) but the embedder is 'bge-m3'");
        }
    }

    @Test
    void aLexicalIndexIsFilledWithoutCallingTheEmbedder(@TempDir Path lexicalDir) throws IOException {
        SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();
        try (CapsuleIndex lexical = LuceneCapsuleIndex.open(lexicalDir, IndexSettings.lexicalOnly());
                Ingestion ingestion = new Ingestion(IngestionSettings.defaults(), embedder)) {
            assertThat(ingestion.ingest(COMPLAINTS, lexical).status())
                    .isEqualTo(IngestionStatus.INDEXED);
            assertThat(embedder.calls()).isZero();
        }
    }
}
