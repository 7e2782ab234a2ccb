package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real run on a fresh lexical Lucene index in a temporary folder, with the default settings. */
abstract class LexicalIngestionTest {

    @TempDir
    Path dir;

    CapsuleIndex index;
    Ingestion ingestion;

    @BeforeEach
    void open() throws IOException {
        index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly());
        ingestion = new Ingestion(IngestionSettings.defaults());
    }

    @AfterEach
    void close() throws IOException {
        ingestion.close();
        index.close();
    }
}
