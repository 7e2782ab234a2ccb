package fr.capsules.ingest.index.lucene;

import static fr.capsules.ingest.index.SampleDocuments.EHPAD_INSPECTION;
import static fr.capsules.ingest.index.SampleDocuments.RECLAMATIONS_PROCEDURE;
import static fr.capsules.ingest.index.SampleDocuments.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published snapshots of a capsule index: what the audience reads while the working copy changes. */
class PublishedSnapshotTests {

    @TempDir Path root;

    private static void addProcedure(CapsuleIndex index) throws IOException {
        index.add(record("proc", "proc.pdf", "Procédure", RECLAMATIONS_PROCEDURE), RECLAMATIONS_PROCEDURE);
    }

    private static void addInspection(CapsuleIndex index) throws IOException {
        index.add(record("ehpad", "rapport.pdf", "Inspection", EHPAD_INSPECTION), EHPAD_INSPECTION);
    }

    private static Stream<String> ids(CapsuleIndex index) throws IOException {
        return index.documents().stream().map(DocumentRecord::documentId);
    }

    @Test
    void aSnapshotKeepsItsCommitWhileTheLiveIndexChangesIsRebuiltAndTheStoreReopens() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex live = store.openCurrent();
            addProcedure(live);
            live.commit();
            assertThat(store.keepSnapshot(1)).isTrue();
            addInspection(live);
            live.delete("proc");
            live.add(record("autre", "autre.pdf", "Autre", RECLAMATIONS_PROCEDURE), RECLAMATIONS_PROCEDURE);
            live.delete("autre");
            live.commit();

            CapsuleIndex published = store.openSnapshot(1).orElseThrow();
            assertThat(ids(published)).containsExactly("proc");
            assertThat(published.search("délai de réponse aux réclamations", 3)).isNotEmpty()
                    .allSatisfy(hit -> assertThat(hit.documentId()).isEqualTo("proc"));
            assertThat(ids(live)).containsExactly("ehpad");

            store.rebuild(PublishedSnapshotTests::addInspection);
            assertThat(ids(store.openSnapshot(1).orElseThrow())).containsExactly("proc");
            assertThatThrownBy(() -> published.delete("proc")).isInstanceOf(UnsupportedOperationException.class);
        }
        try (LuceneIndexStore reopened = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            assertThat(reopened.snapshots()).containsExactly(1);
            assertThat(ids(reopened.openSnapshot(1).orElseThrow())).containsExactly("proc");
            assertThat(ids(reopened.openCurrent())).containsExactly("ehpad");
            assertThat(reopened.openSnapshot(2)).isEmpty();
        }
    }

    @Test
    void releasingClosesAndDeletesTheOtherSnapshots() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex live = store.openCurrent();
            addProcedure(live);
            live.commit();
            store.keepSnapshot(1);
            CapsuleIndex first = store.openSnapshot(1).orElseThrow();
            addInspection(live);
            live.commit();
            store.keepSnapshot(2);

            store.releaseSnapshotsExcept(2);

            assertThat(store.snapshots()).containsExactly(2);
            assertThat(root.resolve("snapshots/v-1")).doesNotExist();
            assertThatThrownBy(first::documents).isInstanceOf(IndexClosedException.class);
            assertThat(ids(store.openSnapshot(2).orElseThrow())).containsExactlyInAnyOrder("proc", "ehpad");
        }
    }

    @Test
    void keepingAVersionAgainReplacesItAndLeavesNoTemporaryFolder() throws IOException {
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex live = store.openCurrent();
            addProcedure(live);
            live.commit();
            store.keepSnapshot(3);
            CapsuleIndex before = store.openSnapshot(3).orElseThrow();
            addInspection(live);
            live.commit();

            store.keepSnapshot(3);

            assertThatThrownBy(before::documents).isInstanceOf(IndexClosedException.class);
            assertThat(ids(store.openSnapshot(3).orElseThrow())).containsExactlyInAnyOrder("proc", "ehpad");
            try (Stream<Path> children = Files.list(root.resolve("snapshots"))) {
                assertThat(children.map(p -> p.getFileName().toString())).containsExactly("v-3");
            }
        }
    }
}
