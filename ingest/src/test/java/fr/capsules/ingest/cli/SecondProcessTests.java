package fr.capsules.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second process on an index that one already writes (the command line while the service is
 * up): Lucene's write lock refuses it, the command says so in French and ends with 75, and the
 * first process's last commit stays readable and writable.
 */
class SecondProcessTests {

    @TempDir
    Path dir;

    @Test
    void theCommandLineOnAnIndexTheServiceHoldsFailsClearlyAndTheIndexIsUntouched() throws Exception {
        Path data = dir.resolve("data");
        Path documents = dir.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("note.txt"), "Note de service sur la canicule et le plan bleu.\n");
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndexStore store = IngestCommand.indexes(data.resolve("indexes")).store("essai", IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            ingestion.ingestAll(List.of(SourceFile.of("premier.txt",
                    "Premier document, indexé par le service.".getBytes(StandardCharsets.UTF_8))), index);

            Path log = dir.resolve("second.log");
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", System.getProperty("java.class.path"), IngestCommand.class.getName(),
                            "index", "--in-process", "--data", data.toString(), "--capsule", "essai", documents.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).isEqualTo(75);
            assertThat(Files.readString(log)).contains("est déjà ouvert en écriture par un autre processus");
            try (FSDirectory directory = FSDirectory.open(data.resolve("indexes/essai/gen-1"));
                    DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.numDocs()).isPositive();
            }
            assertThat(index.documents()).hasSize(1);
            ingestion.ingestAll(List.of(SourceFile.of("second.txt",
                    "Deuxième document, toujours accepté par le service.".getBytes(StandardCharsets.UTF_8))), index);
            assertThat(index.documents()).hasSize(2);
        }
    }
}
