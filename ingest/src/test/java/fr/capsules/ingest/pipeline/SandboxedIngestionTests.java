package fr.capsules.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.Bombs;
import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.TestFiles;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ingestion with parsing in child processes, as the service runs it: a bomb among ordinary files
 * fails with its French reason and the others are indexed; the same bound holds in this JVM.
 */
class SandboxedIngestionTests extends LexicalIngestionTest {

    @Test
    void aPdfBombFailsAsTooLargeAndTheOtherFilesAreIndexed() throws Exception {
        byte[] bomb = Bombs.pdf(1100L * 1024 * 1024);
        List<SourceFile> files = List.of(
                SourceFile.of("rapport.pdf", TestFiles.pdf("Rapport d'inspection\nLe plan bleu est à jour.")),
                SourceFile.of("bombe.pdf", bomb),
                SourceFile.of("note.txt", "Note de service sur la canicule.".getBytes(StandardCharsets.UTF_8)));
        try (Ingestion sandboxed = new Ingestion(IngestionSettings.defaults().withSandbox(SandboxSettings.defaults()))) {
            List<IngestionResult> results = sandboxed.ingestAll(files, index);

            assertThat(results).extracting(IngestionResult::status)
                    .containsExactly(IngestionStatus.INDEXED, IngestionStatus.FAILED, IngestionStatus.INDEXED);
            assertThat(results.get(1).failure()).isEqualTo(FailureReason.TOO_LARGE);
            assertThat(results.get(1).error()).isEqualTo("fichier trop volumineux une fois décompressé (plus de 512 Mo)");
            assertThat(sandboxed.parsingChildren()).hasSize(1);
        }
        assertThat(index.search("plan bleu", 3)).isNotEmpty();
    }

    @Test
    void theDecompressedBoundHoldsInThisJvmToo() throws Exception {
        IngestionResult result = ingestion.ingest(SourceFile.of("bombe.docx", Bombs.docx(600L * 1024 * 1024)), index);
        assertThat(result.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(result.failure()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(result.error()).isEqualTo("fichier trop volumineux une fois décompressé (plus de 512 Mo)");
    }
}
