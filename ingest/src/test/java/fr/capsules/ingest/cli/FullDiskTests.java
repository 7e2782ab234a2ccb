package fr.capsules.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during ingestion, for real: the index lives on a tmpfs of a few megabytes
 * mounted for the test (skipped where mounting is not allowed, i.e. without root), filled with a
 * file until the system says "No space left on device". The batch fails with a French reason, and
 * the last commit stays readable; once space is freed, the index takes files again.
 */
class FullDiskTests {

    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskFailsTheBatchClearlyAndLeavesTheLastCommitReadable() throws Exception {
        Path target = Files.createDirectories(dir.resolve("petit-disque"));
        assumeTrue(mounted(target), "mounting a tmpfs needs root");
        mount = target;
        Path indexes = target.resolve("indexes");
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndexStore store = IngestCommand.indexes(indexes).store("essai", IndexSettings.lexicalOnly())) {
            List<IngestionResult> first = ingestion.ingestAll(notes("avant", 5), store.openCurrent());
            assertThat(first).allSatisfy(r -> assertThat(r.status()).isEqualTo(IngestionStatus.INDEXED));

            Path filler = target.resolve("remplissage");
            fill(filler);
            List<IngestionResult> second = ingestion.ingestAll(notes("pendant", 40), store.openCurrent());

            assertThat(second).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(IngestionStatus.FAILED);
                assertThat(r.failure()).isIn(FailureReason.NOT_COMMITTED, FailureReason.INPUT_OUTPUT);
                assertThat(r.error()).contains("disque plein");
            });
            Path live = indexes.resolve("essai").resolve(Files.readString(indexes.resolve("essai/CURRENT")).strip());
            try (FSDirectory directory = FSDirectory.open(live); DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.numDocs()).as("the last commit: five documents and their passages").isGreaterThanOrEqualTo(10);
            }

            Files.delete(filler);
        }
        try (FSDirectory directory = FSDirectory.open(indexes.resolve("essai").resolve(
                        Files.readString(indexes.resolve("essai/CURRENT")).strip()));
                CheckIndex checker = new CheckIndex(directory)) {
            assertThat(checker.checkIndex().clean).isTrue();
        }
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndexStore store = IngestCommand.indexes(indexes).store("essai", IndexSettings.lexicalOnly())) {
            assertThat(store.openCurrent().documents()).hasSize(5);
            List<IngestionResult> again = ingestion.ingestAll(notes("apres", 3), store.openCurrent());
            assertThat(again).allSatisfy(r -> assertThat(r.status()).isEqualTo(IngestionStatus.INDEXED));
            assertThat(store.openCurrent().documents()).hasSize(8);
        }
    }

    private static boolean mounted(Path target) {
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", target.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void fill(Path filler) {
        byte[] block = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }

    private static List<SourceFile> notes(String prefix, int count) {
        List<SourceFile> notes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            notes.add(SourceFile.of(prefix + "-" + i + ".txt", ("Note " + prefix + " " + i + " : le dossier " + i
                    + " concerne la plainte déposée par l'usager au sujet de l'établissement " + prefix + i + ". ")
                    .repeat(40).getBytes(StandardCharsets.UTF_8)));
        }
        return notes;
    }
}
