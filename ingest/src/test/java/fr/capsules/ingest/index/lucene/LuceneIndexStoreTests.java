package fr.capsules.ingest.index.lucene;

import static fr.capsules.ingest.index.SampleDocuments.EHPAD_INSPECTION;
import static fr.capsules.ingest.index.SampleDocuments.RECLAMATIONS_PROCEDURE;
import static fr.capsules.ingest.index.SampleDocuments.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexMismatchException;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SynonymHashingEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexStoreTests {

    @TempDir Path root;

    private static void addProcedure(CapsuleIndex index) throws IOException {
        index.add(record("proc", "proc.pdf", "Procédure", RECLAMATIONS_PROCEDURE),
                RECLAMATIONS_PROCEDURE);
    }

    private static void addInspection(CapsuleIndex index) throws IOException {
        index.add(record("ehpad", "rapport.pdf", "Inspection", EHPAD_INSPECTION),
                EHPAD_INSPECTION);
    }

    private String current() throws IOException {
        return Files.readString(root.resolve("CURRENT")).strip();
    }

    @Test
    void openingAnEmptyRootCreatesTheFirstGeneration() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            LuceneCapsuleIndex index = store.openCurrent();

            assertThat(current()).isEqualTo("gen-1");
            assertThat(index.directory()).isEqualTo(root.resolve("gen-1"));
            assertThat(store.openCurrent()).isSameAs(index);
        }
    }

    @Test
    void rebuildSwitchesToTheNewGenerationAndDeletesTheOldOne() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex first = store.openCurrent();
            addProcedure(first);
            first.commit();

            CapsuleIndex second = store.rebuild(LuceneIndexStoreTests::addInspection);

            assertThat(current()).isEqualTo("gen-2");
            assertThat(store.openCurrent()).isSameAs(second);
            assertThat(second.documents()).extracting(DocumentRecord::documentId)
                    .containsExactly("ehpad");
            assertThat(root.resolve("gen-1")).doesNotExist();
        }
    }

    @Test
    void aFailedRebuildLeavesTheOldGenerationLiveAndRemovesTheHalfBuiltOne() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex first = store.openCurrent();
            addProcedure(first);
            first.commit();

            assertThatThrownBy(
                            () -> store.rebuild(index -> {
                                addInspection(index);
                                throw new IOException("disk full");
                            }))
                    .hasMessage("disk full");

            assertThat(current()).isEqualTo("gen-1");
            assertThat(root.resolve("gen-2")).doesNotExist();
            assertThat(store.openCurrent()).isSameAs(first);
            assertThat(first.search("délai de réponse", 1)).isNotEmpty();
        }
    }

    @Test
    void aCrashDuringRebuildLeavesTheOldGenerationAndItsDebrisIsRemovedOnNextOpen()
            throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex first = store.openCurrent();
            addProcedure(first);
            first.commit();
        }
        // What a process killed mid-rebuild leaves: a generation folder CURRENT does not name.
        try (CapsuleIndex halfBuilt =
                LuceneCapsuleIndex.open(root.resolve("gen-2"), IndexSettings.lexicalOnly())) {
            addInspection(halfBuilt);
        }
        Files.writeString(root.resolve("gen-2").resolve("partial.tmp"), "…");

        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex reopened = store.openCurrent();

            assertThat(current()).isEqualTo("gen-1");
            assertThat(root.resolve("gen-2")).doesNotExist();
            assertThat(reopened.search("délai de réponse", 1))
                    .extracting(PassageHit::documentId)
                    .containsExactly("proc");
        }
    }

    @Test
    void aLexicalGenerationIsRefusedByVectorSettingsUntilRebuiltWithVectors() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            addProcedure(store.openCurrent());
            store.openCurrent().commit();
        }
        SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();

        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.of(embedder))) {
            assertThatThrownBy(store::openCurrent).isInstanceOf(IndexMismatchException.class);

            CapsuleIndex rebuilt = store.rebuild(index -> index.add(
                    record("proc", "proc.pdf", "Procédure", RECLAMATIONS_PROCEDURE),
                    RECLAMATIONS_PROCEDURE,
                    embedder.embed(RECLAMATIONS_PROCEDURE.stream().map(p -> p.text()).toList())));

            assertThat(rebuilt.info().embeddingModel()).isEqualTo("test-hashing");
            assertThat(rebuilt.info().embeddingDimension()).isEqualTo(64);
            assertThat(store.openCurrent()).isSameAs(rebuilt);
            assertThat(root.resolve("gen-1")).doesNotExist();
            // "plainte" is only a synonym of the passage's "réclamation": vectors answer.
            assertThat(rebuilt.search("plainte", embedder.vector("plainte délai"), 1))
                    .extracting(PassageHit::passageId)
                    .containsExactly("proc#1");
        }
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.of(embedder))) {
            assertThat(store.openCurrent().passageCount()).isEqualTo(3);
        }
    }

    @Test
    void aVectorGenerationCanBeRebuiltLexicalAgain() throws IOException {
        SynonymHashingEmbedder embedder = SynonymHashingEmbedder.create();
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.of(embedder))) {
            store.openCurrent();
        }

        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            assertThatThrownBy(store::openCurrent).isInstanceOf(IndexMismatchException.class);

            CapsuleIndex rebuilt = store.rebuild(LuceneIndexStoreTests::addProcedure);

            assertThat(rebuilt.info().hasVectors()).isFalse();
            assertThat(rebuilt.search("délai de réponse", 1)).isNotEmpty();
        }
    }

    @Test
    void aCurrentFileNamingNoGenerationIsReportedRatherThanRecreated() throws IOException {
        Files.writeString(root.resolve("CURRENT"), "../elsewhere");

        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            assertThatThrownBy(store::openCurrent)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not a generation folder");
        }
    }
}
