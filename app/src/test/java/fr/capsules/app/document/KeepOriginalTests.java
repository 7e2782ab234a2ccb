package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping the originals of uploads, as a stage of the real ingestion into a real Lucene index. */
class KeepOriginalTests {

    private static final byte[] NOTE =
            "Le planning des astreintes de la cellule de veille est publié chaque vendredi.".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path capsuleFolder;
    private CapsuleIndex index;
    private Ingestion ingestion;

    @BeforeEach
    void open() throws IOException {
        capsuleFolder = dir.resolve("documents/essai");
        index = LuceneCapsuleIndex.open(dir.resolve("index"), IndexSettings.lexicalOnly());
        ingestion = new Ingestion(IngestionSettings.defaults());
    }

    @AfterEach
    void close() throws IOException {
        ingestion.close();
        index.close();
    }

    private IngestionResult upload(KeepOriginal keep, SourceFile file) {
        List<IngestionResult> results = ingestion.ingestAll(List.of(file), index, keep);
        keep.settle(results);
        return results.get(0);
    }

    @Test
    void theOriginalKeptIsTheBytesIngestionReadUnderTheDocumentId() throws IOException {
        IngestionResult result = upload(new KeepOriginal(capsuleFolder), SourceFile.of("notes/astreintes.txt", NOTE));

        assertThat(result.status()).isEqualTo(IngestionStatus.INDEXED);
        assertThat(capsuleFolder.resolve(result.documentId()).resolve("notes/astreintes.txt")).hasBinaryContent(NOTE);
    }

    @Test
    void aFileWhoseOriginalCannotBeKeptFailsWithItsReasonAndCannotBeFound() throws IOException {
        // A file where the document's folder must go: the original cannot be written.
        Files.createDirectories(capsuleFolder);
        Files.writeString(capsuleFolder.resolve(Sha256.hex(NOTE).substring(0, 20)), "occupé");

        IngestionResult result = upload(new KeepOriginal(capsuleFolder), SourceFile.of("astreintes.txt", NOTE));

        assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(result.failure()).isEqualTo(FailureReason.ORIGINAL_NOT_KEPT);
        assertThat(result.error()).startsWith("l'original n'a pas pu être conservé sur le serveur").contains("pas été indexé");
        assertThat(index.documents()).isEmpty();
        assertThat(index.search("planning des astreintes de la cellule de veille", 5)).isEmpty();
    }

    @Test
    void theOriginalOfAFileThatDidNotEndIndexedIsWithdrawn() {
        KeepOriginal keep = new KeepOriginal(capsuleFolder);
        List<IngestionResult> results = ingestion.ingestAll(List.of(SourceFile.of("astreintes.txt", NOTE)), index, keep);
        String documentId = results.get(0).documentId();
        assertThat(capsuleFolder.resolve(documentId)).isDirectory();

        // What the run reports when the commit of the batch failed.
        keep.settle(List.of(IngestionResult.failed("astreintes.txt", FailureReason.NOT_COMMITTED, "l'index n'a pas pu être enregistré")));

        assertThat(capsuleFolder.resolve(documentId)).doesNotExist();
    }

    @Test
    void aRemovedCatalogueDocumentUploadedAgainIsNoLongerExcluded() throws IOException {
        Exclusions.of(capsuleFolder).add(Sha256.hex(NOTE));

        upload(new KeepOriginal(capsuleFolder), SourceFile.of("astreintes.txt", NOTE));

        assertThat(Exclusions.of(capsuleFolder).contains(SourceFile.of("astreintes.txt", NOTE))).isFalse();
    }
}
