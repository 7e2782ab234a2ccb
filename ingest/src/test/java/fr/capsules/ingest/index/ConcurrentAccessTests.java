package fr.capsules.ingest.index;

import static fr.capsules.ingest.index.SampleDocuments.RECLAMATIONS_PROCEDURE;
import static fr.capsules.ingest.index.SampleDocuments.record;
import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.index.lucene.LuceneCapsuleIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAccessTests {

    @TempDir Path dir;

    @Test
    void searchesRunSafelyWhileDocumentsAreAddedAndCommitted() throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try (CapsuleIndex index = LuceneCapsuleIndex.open(dir, IndexSettings.lexicalOnly())) {
            List<Future<Integer>> searches = new ArrayList<>();
            for (int reader = 0; reader < 3; reader++) {
                searches.add(readers.submit(() -> {
                    int found = 0;
                    for (int i = 0; i < 200; i++) {
                        List<PassageHit> hits = index.search("délai de réponse réclamation", 5);
                        // Passages of one document are committed together, never half.
                        assertThat(hits.size()).isLessThanOrEqualTo(5);
                        found += hits.size();
                        assertThat(index.passageCount() % RECLAMATIONS_PROCEDURE.size())
                                .isZero();
                    }
                    return found;
                }));
            }
            for (int i = 0; i < 30; i++) {
                index.add(record("d" + i, "f" + i + ".pdf", "Procédure " + i,
                        RECLAMATIONS_PROCEDURE), RECLAMATIONS_PROCEDURE);
                if (i % 3 == 2) {
                    index.commit();
                }
            }
            for (Future<Integer> search : searches) {
                search.get(60, TimeUnit.SECONDS);
            }

            assertThat(index.documents()).hasSize(30);
            assertThat(index.passageCount()).isEqualTo(90);
        } finally {
            readers.shutdownNow();
        }
    }
}
