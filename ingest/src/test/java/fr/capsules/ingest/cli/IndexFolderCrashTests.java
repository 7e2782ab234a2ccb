package fr.capsules.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Kills the command line with SIGKILL in the middle of indexing a folder, then checks that the
 * index holds what was committed, stays searchable, and that running the command again completes
 * it without duplicates.
 */
class IndexFolderCrashTests {

    private static final int FILES = 150;

    @TempDir
    Path dir;

    @Test
    void aKilledIndexingLeavesASearchableIndexThatARerunCompletesWithoutDuplicates() throws Exception {
        Path documents = dir.resolve("documents");
        Files.createDirectories(documents);
        for (int i = 0; i < FILES; i++) {
            Files.writeString(documents.resolve(String.format("note-%03d.txt", i)),
                    "Note de service numéro " + i + ".\n\nLe dossier " + i + " concerne la commune n° " + (i * 7919 % 1000)
                            + " et la plainte déposée par l'usager au sujet de l'établissement " + i + ".\n");
        }
        Path data = dir.resolve("data");
        Path generation = data.resolve("indexes/essai/gen-1");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                        IngestCommand.class.getName(), "index", "--data", data.toString(), "--capsule", "essai",
                        // Commits every 10 files, whatever the machine's speed: the kill must come between two of them.
                        "--commit-every", "10", documents.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        int committedBeforeKill = waitForSomeCommittedDocuments(generation, child);
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(committedBeforeKill).as("the child must be killed mid-way").isBetween(1, FILES - 1);

        try (CapsuleIndexStore store = IngestCommand.indexes(data.resolve("indexes")).store("essai", IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            int survived = index.documents().size();
            assertThat(survived).isGreaterThanOrEqualTo(committedBeforeKill).isLessThan(FILES);
            assertThat(index.search("plainte déposée par l'usager", 5)).isNotEmpty();
        }

        int exit = new CommandLine(new IngestCommand())
                .execute("index", "--data", data.toString(), "--capsule", "essai", documents.toString());
        assertThat(exit).isZero();

        try (CapsuleIndexStore store = IngestCommand.indexes(data.resolve("indexes")).store("essai", IndexSettings.lexicalOnly())) {
            List<DocumentRecord> all = store.openCurrent().documents();
            assertThat(all).hasSize(FILES);
            assertThat(all.stream().map(DocumentRecord::file).distinct().count()).isEqualTo(FILES);
        }
    }

    private static int waitForSomeCommittedDocuments(Path generation, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.isDirectory(generation)) {
                try (FSDirectory directory = FSDirectory.open(generation)) {
                    if (DirectoryReader.indexExists(directory)) {
                        try (DirectoryReader reader = DirectoryReader.open(directory)) {
                            int committed = countDocumentRecords(reader);
                            if (committed >= 5) {
                                return committed;
                            }
                        }
                    }
                } catch (IOException e) {
                    // The child may be writing the very commit we try to read; look again.
                }
            }
            Thread.sleep(20);
        }
        return child.isAlive() ? 0 : FILES;
    }

    private static int countDocumentRecords(DirectoryReader reader) throws IOException {
        return new org.apache.lucene.search.IndexSearcher(reader)
                .count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("type", "document")));
    }
}
