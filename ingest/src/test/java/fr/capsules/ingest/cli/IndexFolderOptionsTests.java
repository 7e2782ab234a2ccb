package fr.capsules.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code index} command's commit option: a bad value is refused clearly, a good one indexes everything. */
class IndexFolderOptionsTests {

    @TempDir
    Path dir;

    @Test
    void commitEveryBelowOneIsRefusedWithoutTouchingTheIndex() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(documents.resolve("note.txt"), "Note de service sur les réclamations des usagers.\n");
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new IngestCommand()).setErr(new PrintWriter(err))
                .execute("index", "--data", dir.resolve("data").toString(), "--capsule", "essai", "--commit-every", "0",
                        documents.toString());
        assertThat(exit).isEqualTo(64);
        assertThat(Files.exists(dir.resolve("data/indexes/essai"))).isFalse();
    }

    @Test
    void commitEveryNFilesIndexesTheWholeFolder() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("documents"));
        for (int i = 0; i < 7; i++) {
            Files.writeString(documents.resolve("note-" + i + ".txt"),
                    "Note de service numéro " + i + " sur la plainte de l'usager de l'établissement " + i + ".\n");
        }
        Path data = dir.resolve("data");
        int exit = new CommandLine(new IngestCommand())
                .execute("index", "--data", data.toString(), "--capsule", "essai", "--commit-every", "3", "--in-process",
                        documents.toString());
        assertThat(exit).isZero();
        try (CapsuleIndexStore store = IngestCommand.indexes(data.resolve("indexes")).store("essai", IndexSettings.lexicalOnly())) {
            assertThat(store.openCurrent().documents()).hasSize(7);
        }
    }
}
