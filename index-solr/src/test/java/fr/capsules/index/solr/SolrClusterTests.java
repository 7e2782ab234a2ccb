package fr.capsules.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexBusyException;
import fr.capsules.ingest.index.IndexClosedException;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.index.SearchResult;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Solr backend against a real SolrCloud cluster started for this class: two nodes, capsule
 * collections of two shards with a replica on each node. The last tests stop a node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrClusterTests {

    private static final List<String> QUESTIONS = List.of(
            "Quelle température pour l'eau chaude sanitaire ?",
            "délai de réponse des établissements pendant une canicule",
            "niveau de référence du radon dans les écoles",
            "qui organise le contrôle sanitaire de l'eau potable",
            "Que faire au-delà de 1 000 UFC/L de légionelles ?");

    static SolrTestCluster cluster;
    static SolrBackend backend;
    static SolrBackend fragileBackend;
    static Ingestion ingestion;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SolrTestCluster.start(2);
        backend = new SolrBackend(cluster.settings(2, 2));
        // One replica per shard: losing a node loses a shard of these capsules.
        fragileBackend = new SolrBackend(cluster.settings(2, 1));
        ingestion = new Ingestion(IngestionSettings.defaults());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (ingestion != null) {
            ingestion.close();
        }
        if (backend != null) {
            backend.close();
            fragileBackend.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static CapsuleIndex filled(CapsuleIndexStore store, List<fr.capsules.ingest.SourceFile> files) throws Exception {
        CapsuleIndex index = store.openCurrent();
        for (IngestionResult result : ingestion.ingestAll(files, index)) {
            assertThat(result.status()).as(result.file()).isEqualTo(IngestionStatus.INDEXED);
        }
        return index;
    }

    @Test
    @Order(1)
    void theIngestionPipelineFillsACapsuleAndItsQuestionsRankAsInTheEmbeddedIndex() throws Exception {
        CapsuleIndex solr = filled(backend.store("sante-env", IndexSettings.lexicalOnly()), FrenchCorpus.healthEnvironment());
        // One shard replicated on both nodes: the collection's statistics are the shard's.
        CapsuleIndex oneShard = filled(new SolrBackend(cluster.settings(1, 2)).store("sante-env-1", IndexSettings.lexicalOnly()),
                FrenchCorpus.healthEnvironment());
        Path folder = Files.createTempDirectory("capsules-lucene-parity-");
        try (CapsuleIndexStore localStore = new LuceneBackend(folder).store("sante-env", IndexSettings.lexicalOnly())) {
            CapsuleIndex local = filled(localStore, FrenchCorpus.healthEnvironment());
            assertThat(solr.passageCount()).isEqualTo(local.passageCount()).isPositive();
            assertThat(solr.documents()).extracting(r -> r.file()).containsExactly(
                    "canicule.txt", "eau-potable.txt", "legionellose.txt", "radon.txt");
            for (String question : QUESTIONS) {
                List<PassageHit> expected = local.search(question, 10);
                // Same passages in the same order, whatever the shards.
                assertThat(solr.search(question, 10)).extracting(PassageHit::passageId).as(question)
                        .isNotEmpty()
                        .containsExactlyElementsOf(expected.stream().map(PassageHit::passageId).toList());
                // With one shard, the very same scores, coverage and stored fields.
                List<PassageHit> found = oneShard.search(question, 10);
                assertThat(found).hasSameSizeAs(expected);
                for (int i = 0; i < found.size(); i++) {
                    assertThat(found.get(i).score()).as(question).isCloseTo(expected.get(i).score(), within(1e-4f));
                    assertThat(found.get(i)).usingRecursiveComparison().ignoringFields("score")
                            .isEqualTo(expected.get(i));
                }
            }
            assertThat(solr.search("Comment est-ce ?", 5)).isEmpty();
        } finally {
            FileTrees.delete(folder);
        }
    }

    @Test
    @Order(2)
    void aCapsuleSearchNeverReturnsPassagesOfAnotherCapsule() throws Exception {
        CapsuleIndex health = backend.store("sante-env", IndexSettings.lexicalOnly()).openCurrent();
        CapsuleIndex hr = filled(backend.store("rh", IndexSettings.lexicalOnly()), FrenchCorpus.humanResources());
        Set<String> hrFiles = Set.of("conges.txt", "teletravail.txt");
        // "température", "eau chaude", "délai" are words of both capsules.
        for (String question : QUESTIONS) {
            assertThat(health.search(question, 50)).extracting(PassageHit::file).doesNotContainAnyElementsOf(hrFiles);
            assertThat(hr.search(question, 50)).extracting(PassageHit::file).isSubsetOf(hrFiles);
        }
        assertThat(hr.search("Quelle température pour l'eau chaude sanitaire ?", 5)).isNotEmpty();
    }

    @Test
    @Order(3)
    void changesAreSeenOnlyAfterCommitAndDuplicatesAlsoInTheBatch() throws Exception {
        CapsuleIndexStore store = backend.store("visibilite", IndexSettings.lexicalOnly());
        CapsuleIndex index = store.openCurrent();
        List<PassageHit> hrPassages;
        try (Ingestion noCommit = new Ingestion(IngestionSettings.defaults())) {
            CapsuleIndex hr = backend.store("rh", IndexSettings.lexicalOnly()).openCurrent();
            hrPassages = hr.passages(hr.documents().get(0).documentId());
        }
        var record = backend.store("rh", IndexSettings.lexicalOnly()).openCurrent().documents().get(0);
        index.add(record, hrPassages.stream()
                .map(h -> new fr.capsules.ingest.chunk.Passage(h.text(), h.page(), h.headingPath(), h.kind()))
                .toList());
        assertThat(index.findByFileHash(record.sha256())).contains(record);
        assertThat(index.documents()).isEmpty();
        assertThat(index.search("congés annuels", 5)).isEmpty();
        index.commit();
        assertThat(index.documents()).containsExactly(record);
        assertThat(index.search("congés annuels", 5)).extracting(PassageHit::documentId).contains(record.documentId());
        assertThat(index.passages(record.documentId())).extracting(PassageHit::passageId)
                .containsExactlyElementsOf(hrPassages.stream().map(PassageHit::passageId).toList());

        index.delete(record.documentId());
        assertThat(index.findByFileHash(record.sha256())).isEmpty();
        store.close();
        assertThat(store.openCurrent().documents()).containsExactly(record);
    }

    @Test
    @Order(4)
    void twoNodesRebuildingOneCapsuleAtOnceOneWinsTheOtherIsTold() throws Exception {
        // Two backends stand for two application nodes sharing the cluster.
        CapsuleIndexStore first = backend.store("reconstruite", IndexSettings.lexicalOnly());
        try (SolrBackend otherNode = new SolrBackend(cluster.settings(2, 2))) {
            CapsuleIndexStore second = otherNode.store("reconstruite", IndexSettings.lexicalOnly());
            filled(first, FrenchCorpus.humanResources()).commit();
            CountDownLatch filling = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<CapsuleIndex> winner = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.rebuild(index -> {
                        ingestion.ingestAll(FrenchCorpus.healthEnvironment(), index);
                        filling.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertThat(filling.await(120, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> second.rebuild(index -> ingestion.ingestAll(FrenchCorpus.humanResources(), index)))
                    .isInstanceOf(IndexBusyException.class)
                    .hasMessageContaining("already being re-indexed");
            // Meanwhile the live generation still answers with the old content, on both nodes.
            assertThat(second.openCurrent().documents()).extracting(r -> r.file())
                    .containsExactly("conges.txt", "teletravail.txt");
            release.countDown();
            CapsuleIndex rebuilt = winner.get(120, TimeUnit.SECONDS);
            assertThat(rebuilt.documents()).hasSize(4);
            // The other node's index was on the dropped generation: it is told, then reopens the new one.
            CapsuleIndex stale = second.openCurrent();
            assertThatThrownBy(() -> stale.search("congés", 5)).isInstanceOf(IndexClosedException.class);
            assertThat(second.openCurrent().documents()).hasSize(4);
        }
    }

    @Test
    @Order(5)
    void aCapsuleDeletedWhileSearchedStopsAnsweringCleanly() throws Exception {
        CapsuleIndexStore store = backend.store("supprimee", IndexSettings.lexicalOnly());
        CapsuleIndex index = filled(store, FrenchCorpus.healthEnvironment());
        index.commit();
        AtomicBoolean stop = new AtomicBoolean();
        List<Object> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 2000 && !stop.get(); i++) {
                try {
                    outcomes.add(index.search(QUESTIONS.get(i % QUESTIONS.size()), 10));
                } catch (Exception e) {
                    outcomes.add(e);
                }
            }
        });
        Thread.sleep(500);
        // Deleted by another application node sharing the cluster.
        try (SolrBackend otherNode = new SolrBackend(cluster.settings(2, 2))) {
            otherNode.deleteCapsule("supprimee");
        }
        Thread.sleep(1000);
        stop.set(true);
        searching.get(60, TimeUnit.SECONDS);
        assertThat(outcomes).isNotEmpty();
        Set<String> files = Set.of("canicule.txt", "eau-potable.txt", "legionellose.txt", "radon.txt");
        boolean answered = false;
        for (Object outcome : outcomes) {
            if (outcome instanceof List<?> hits) {
                answered = true;
                hits.forEach(h -> assertThat(((PassageHit) h).file()).isIn(files));
            } else {
                // While Solr removes the replicas one by one a search may also find the collection
                // half gone: a clean failure all the same, never another capsule's passages.
                assertThat(outcome).as(String.valueOf(outcome))
                        .isInstanceOfAny(IndexClosedException.class, java.io.IOException.class,
                                fr.capsules.ingest.index.IndexUnavailableException.class);
            }
        }
        assertThat(answered).isTrue();
        assertThat(outcomes.get(outcomes.size() - 1)).as(String.valueOf(outcomes.get(outcomes.size() - 1)))
                .isInstanceOf(IndexClosedException.class);
    }

    @Test
    @Order(6)
    void aNodeStoppedDuringARunOfQueriesAnswersKeepComingFromTheReplicas() throws Exception {
        CapsuleIndex index = backend.store("sante-env", IndexSettings.lexicalOnly()).openCurrent();
        // A capsule whose shards have one replica each, on different nodes: stopping a node loses one.
        CapsuleIndex fragile = filled(fragileBackend.store("fragile", IndexSettings.lexicalOnly()), FrenchCorpus.healthEnvironment());
        fragile.commit();
        List<List<String>> reference = new ArrayList<>();
        for (String question : QUESTIONS) {
            reference.add(index.search(question, 10).stream().map(PassageHit::passageId).toList());
        }
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<SearchResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch halfway = new CountDownLatch(1);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                if (i == 100) {
                    halfway.countDown();
                }
                try {
                    SearchResult result = index.searchReporting(QUESTIONS.get(i % QUESTIONS.size()), null, 10);
                    assertThat(result.hits()).extracting(PassageHit::passageId)
                            .containsExactlyElementsOf(reference.get(i % QUESTIONS.size()));
                    results.add(result);
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        });
        assertThat(halfway.await(120, TimeUnit.SECONDS)).isTrue();
        cluster.stopNode(1);
        run.get(300, TimeUnit.SECONDS);
        assertThat(failures).isEmpty();
        assertThat(results).hasSize(300).allMatch(SearchResult::complete);

        // The capsule that lost a shard answers from the other one, flagged, and only with its own passages.
        SearchResult degraded = fragile.searchReporting("agence régionale de santé", null, 50);
        assertThat(degraded.complete()).isFalse();
        assertThat(degraded.hits()).extracting(PassageHit::file)
                .isSubsetOf("canicule.txt", "eau-potable.txt", "legionellose.txt", "radon.txt");
    }
}
