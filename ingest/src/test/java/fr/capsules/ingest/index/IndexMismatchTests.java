package fr.capsules.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexMismatchTests {

    @TempDir Path dir;

    @Test
    void theIndexRecordsHowItWasBuiltAndReopensWithTheSameSettings() throws IOException {
        IndexSettings settings = new IndexSettings("bge-m3", 1024);
        CapsuleIndex.open(dir, settings).close();

        try (CapsuleIndex index = CapsuleIndex.open(dir, settings)) {
            assertThat(index.info())
                    .isEqualTo(new IndexInfo(1, FrenchTextAnalyzer.NAME, "bge-m3", 1024));
        }
    }

    @Test
    void anIndexBuiltWithAnotherEmbeddingModelIsRefusedWithWhatDiffers() throws IOException {
        CapsuleIndex.open(dir, IndexSettings.lexicalOnly()).close();

        assertThatThrownBy(() -> CapsuleIndex.open(dir, new IndexSettings("bge-m3", 1024)))
                .isInstanceOf(IndexMismatchException.class)
                .hasMessageContaining("embedding model '' (dimension 0)")
                .hasMessageContaining("'bge-m3' (dimension 1024)")
                .hasMessageContaining("re-index the capsule");
    }

    @Test
    void inconsistentEmbeddingSettingsAreRejected() {
        assertThatThrownBy(() -> new IndexSettings("bge-m3", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IndexSettings("", 768))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
