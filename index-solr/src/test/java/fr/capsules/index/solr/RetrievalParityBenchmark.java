package fr.capsules.index.solr;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.RankingMetrics;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ranking parity and search latency of the Solr backend against the embedded Lucene index, in one
 * run: the CNIL FAQ (SQuAD v1; each article's text is a document, its question must find it)
 * indexed through the same ingestion pipeline into both, every question asked of both; hit@1,
 * hit@5, MRR@10 by document, and search latency (top 50) over 5 rounds after a warm-up pass.
 * Prints figures, asserts nothing: a harness, run on demand only.
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl index-solr -am test -Dtest=RetrievalParityBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcapsules.bench=true \
 *     -Dcapsules.eval=/path/to/shared/eval/cnil-faq.json
 * </pre>
 */
@EnabledIfSystemProperty(named = "capsules.bench", matches = "true")
class RetrievalParityBenchmark {

    private static final int ROUNDS = 5;

    record Case(String question, String file) {}

    @Test
    void cnilFaq() throws Exception {
        Path eval = Path.of(System.getProperty("capsules.eval", "../../shared/eval/cnil-faq.json"));
        List<SourceFile> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        int article = 0;
        for (JsonNode entry : JsonMapper.builder().build().readTree(eval.toFile()).get("data")) {
            for (JsonNode paragraph : entry.get("paragraphs")) {
                String file = String.format("article-%04d.txt", article++);
                sources.add(SourceFile.of(file, paragraph.get("context").asString().getBytes(StandardCharsets.UTF_8)));
                for (JsonNode qa : paragraph.get("qas")) {
                    cases.add(new Case(qa.get("question").asString(), file));
                }
            }
        }
        Path folder = Files.createTempDirectory("capsules-bench-lucene-");
        try (SolrTestCluster cluster = SolrTestCluster.start(2);
                SolrBackend solr = new SolrBackend(cluster.settings(2, 2));
                SolrBackend solrOneShard = new SolrBackend(cluster.settings(1, 2));
                CapsuleIndexStore luceneStore = new LuceneBackend(folder).store("bench", IndexSettings.lexicalOnly());
                Ingestion ingestion = new Ingestion(IngestionSettings.defaults())) {
            report("lucene (embedded)", luceneStore.openCurrent(), ingestion, sources, cases);
            report("solr (2 nodes, 1 shard x 2 replicas)", solrOneShard.store("bench-1", IndexSettings.lexicalOnly()).openCurrent(),
                    ingestion, sources, cases);
            report("solr (2 nodes, 2 shards x 2 replicas)", solr.store("bench", IndexSettings.lexicalOnly()).openCurrent(),
                    ingestion, sources, cases);
            // The embedded index ran first, with a colder JIT: its latency again, last.
            latency("lucene (embedded, again)", luceneStore.openCurrent(), cases);
        } finally {
            FileTrees.delete(folder);
        }
    }

    private static void report(String name, CapsuleIndex index, Ingestion ingestion, List<SourceFile> sources,
            List<Case> cases) throws Exception {
        long start = System.nanoTime();
        List<IngestionResult> results = ingestion.ingestAll(sources, index);
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> idByFile = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            if (results.get(i).documentId() != null) {
                idByFile.put(sources.get(i).name().value(), results.get(i).documentId());
            }
        }
        RankingMetrics metrics = new RankingMetrics();
        for (Case c : cases) {
            LinkedHashSet<String> ranked = new LinkedHashSet<>();
            index.search(c.question(), 50).forEach(h -> ranked.add(h.documentId()));
            metrics.add(List.copyOf(ranked), idByFile.getOrDefault(c.file(), "?" + c.file()));
        }
        System.out.printf("BENCH %s: %d documents indexed in %.1f s (%d passages), %d questions%n",
                name, index.documents().size(), indexSeconds, index.passageCount(), metrics.count());
        System.out.printf("BENCH %s: hit@1 %.3f  hit@5 %.3f  MRR@10 %.3f%n",
                name, metrics.hitAt1(), metrics.hitAt5(), metrics.mrrAt10());
        latency(name, index, cases);
    }

    private static void latency(String name, CapsuleIndex index, List<Case> cases) throws Exception {
        long[] latencies = new long[cases.size() * ROUNDS];
        int i = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Case c : cases) {
                long t0 = System.nanoTime();
                index.search(c.question(), 50);
                latencies[i++] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(latencies);
        System.out.printf("BENCH %s: search (top 50) p50 %.2f ms  p99 %.2f ms%n",
                name, latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6);
    }
}
