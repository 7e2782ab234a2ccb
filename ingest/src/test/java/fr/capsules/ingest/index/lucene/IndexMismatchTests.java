package fr.capsules.ingest.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.analysis.FrenchTextAnalyzer;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.SynonymHashingEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexMismatchTests {

    @TempDir Path dir;

    @Test
    void theIndexRecordsHowItWasBuiltAndReopensWithTheSameSettings() throws IOException {
        IndexSettings settings = new IndexSettings("bge-m3", 1024);
        LuceneCapsuleIndex.open(dir, settings).close();

        try (CapsuleIndex index = LuceneCapsuleIndex.open(dir, settings)) {
            assertThat(index.info())
                    .isEqualTo(new IndexInfo(2, FrenchTextAnalyzer.NAME, "bge-m3", 1024));
        }
    }

    @Test
    void anIndexOfTheFormerSchemaWithoutDocumentDocValuesIsRefusedSoThatItIsRebuilt() throws IOException {
        // What an index written before schema 2 carries in its commit.
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new FrenchTextAnalyzer()))) {
            writer.setLiveCommitData(CommitData.of(new IndexInfo(1, FrenchTextAnalyzer.NAME, "", 0)).entrySet());
            writer.commit();
        }

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly()))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("schema 1 instead of 2")
                .hasMessageContaining("re-index the capsule");
    }

    @Test
    void anIndexBuiltWithAnotherEmbeddingModelIsRefusedWithWhatDiffers() throws IOException {
        LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly()).close();

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, new IndexSettings("bge-m3", 1024)))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("embedding model '' (dimension 0)")
                .hasMessageContaining("'bge-m3' (dimension 1024)")
                .hasMessageContaining("re-index the capsule");
    }

    @Test
    void aVectorIndexOpenedWithLexicalSettingsIsRefused() throws IOException {
        LuceneCapsuleIndex.open(dir, new IndexSettings("bge-m3", 1024)).close();

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly()))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("embedding model 'bge-m3' (dimension 1024) instead of ''")
                .hasMessageContaining("lexical-only")
                .hasMessageContaining("re-index the capsule");
    }

    @Test
    void aVectorIndexOpenedWithAnotherModelOfTheSameDimensionIsRefused() throws IOException {
        LuceneCapsuleIndex.open(dir, new IndexSettings("bge-m3", 1024)).close();

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, new IndexSettings("mxbai-embed-large", 1024)))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("'bge-m3' (dimension 1024) instead of 'mxbai-embed-large'")
                .hasMessageContaining("not comparable")
                .satisfies(e -> assertThat(((IndexMismatchException) e).found().embeddingModel())
                        .isEqualTo("bge-m3"));
    }

    @Test
    void aVectorIndexOpenedWithAnotherDimensionIsRefused() throws IOException {
        LuceneCapsuleIndex.open(dir, new IndexSettings("nomic-embed-text", 768)).close();

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, new IndexSettings("nomic-embed-text", 512)))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("(dimension 768) instead of 'nomic-embed-text' (dimension 512)")
                .hasMessageContaining("another dimension");
    }

    @Test
    void aLexicalIndexOpenedWithAModelSaysItHoldsNoVectors() throws IOException {
        LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly()).close();

        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, IndexSettings.of(SynonymHashingEmbedder.create())))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("holds no vectors");
    }

    @Test
    void aDimensionBeyondWhatLuceneStoresIsRefusedAtOpen() {
        assertThatThrownBy(() -> LuceneCapsuleIndex.open(dir, new IndexSettings("qwen3-embedding", 4096)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096 dimensions; this index accepts at most 1024");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void settingsTakeTheEmbeddersModelAndDimension() {
        assertThat(IndexSettings.of(SynonymHashingEmbedder.create("bge-m3", 1024)))
                .isEqualTo(new IndexSettings("bge-m3", 1024));
        assertThat(IndexSettings.lexicalOnly().hasVectors()).isFalse();
    }

    @Test
    void inconsistentEmbeddingSettingsAreRejected() {
        assertThatThrownBy(() -> new IndexSettings("bge-m3", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexSettings("", 768))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
