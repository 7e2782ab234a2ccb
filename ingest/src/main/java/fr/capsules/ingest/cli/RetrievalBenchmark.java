package fr.capsules.ingest.cli;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.PassageHit;
import fr.capsules.ingest.cli.RetrievalCases.Case;
import fr.capsules.ingest.index.RankingMetrics;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench-retrieval}: indexes documents into a fresh, temporary capsule index through the
 * full ingestion pipeline, asks every question and prints hit@1, hit@5 and MRR@10 (hits counted by
 * document) for the capsule index and, on the same passages, for plain Lucene BM25 with Lucene's
 * FrenchAnalyzer, on all questions and on each half (even and odd positions), plus search latency. Three inputs:
 *
 * <ul>
 *   <li>{@code --squad FILE}: SQuAD v1 JSON; each paragraph {@code context} is one document (the
 *       article title is not indexed: it is the question itself), each question expects its own
 *       article;
 *   <li>{@code --documents DIR --questions FILE}: a folder and a JSON list of
 *       {@code {"question": …, "expectedDocument": "path/relative/to/DIR"}};
 *   <li>{@code --capsule DIR}: a catalogue capsule folder, its {@code documents/} and the reference
 *       questions of its {@code questions.yaml} (the first expected document counts).
 * </ul>
 */
@Command(name = "bench-retrieval", mixinStandardHelpOptions = true, description = "Mesure la qualité de la recherche (hit@1, hit@5, MRR@10).")
final class RetrievalBenchmark implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--squad", description = "fichier SQuAD v1 (ex. ../shared/eval/cnil-faq.json)")
        Path squad;

        @ArgGroup(exclusive = false)
        Folder folder;

        @Option(names = "--capsule", description = "dossier d'une capsule du catalogue (documents/ et questions.yaml)")
        Path capsule;
    }

    static final class Folder {
        @Option(names = "--documents", required = true, description = "dossier des documents")
        Path documents;

        @Option(names = "--questions", required = true, description = "JSON : [{question, expectedDocument}]")
        Path questions;
    }

    @Override
    public Integer call() throws Exception {
        if (input.capsule != null && !Files.isRegularFile(input.capsule.resolve("questions.yaml"))) {
            System.err.println("pas de questions.yaml dans " + input.capsule);
            return 66;
        }
        List<SourceFile> sources = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        if (input.squad != null || input.capsule != null) {
            RetrievalCases read = input.squad != null ? RetrievalCases.squad(input.squad) : RetrievalCases.capsule(input.capsule);
            sources.addAll(read.sources());
            cases.addAll(read.cases());
        } else {
            sources.addAll(Folders.sources(input.folder.documents));
            for (JsonNode q : JsonMapper.builder().build().readTree(input.folder.questions.toFile())) {
                cases.add(new Case(q.get("question").asString(), List.of(q.get("expectedDocument").asString())));
            }
        }
        Path temp = Files.createTempDirectory("capsules-bench-");
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndexStore store = IngestCommand.indexes(temp).store("bench", IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            long start = System.nanoTime();
            Map<String, String> idByFile = new HashMap<>();
            List<IngestionResult> results = ingestion.ingestAll(sources, index);
            for (int i = 0; i < sources.size(); i++) {
                IngestionResult result = results.get(i);
                if (result.documentId() != null) {
                    idByFile.put(sources.get(i).name().value(), result.documentId());
                }
                if (result.status() != IngestionStatus.INDEXED) {
                    System.err.println(result.status().json() + " " + result.file() + " " + (result.error() == null ? "" : result.error()));
                }
            }
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, List<String>> passagesByDocument = new LinkedHashMap<>();
            for (DocumentRecord document : index.documents()) {
                passagesByDocument.put(document.documentId(), index.passages(document.documentId()).stream().map(PassageHit::text).toList());
            }
            // Each ranking on all questions and on each half (even and odd positions), so that a
            // choice made on one half can be checked on the other.
            RankingMetrics[] ours = {new RankingMetrics(), new RankingMetrics(), new RankingMetrics()};
            RankingMetrics[] plain = {new RankingMetrics(), new RankingMetrics(), new RankingMetrics()};
            try (DocumentRanking reference = IngestCommand.plainBm25(passagesByDocument, DEPTH)) {
                for (int q = 0; q < cases.size(); q++) {
                    Case c = cases.get(q);
                    List<String> ranked = rankedDocuments(index, c.question());
                    List<String> plainRanked = reference.rank(c.question());
                    for (int m : new int[] {0, 1 + q % 2}) {
                        ours[m].add(ranked, expectedId(c, idByFile, ranked));
                        plain[m].add(plainRanked, expectedId(c, idByFile, plainRanked));
                    }
                }
            }
            RankingMetrics metrics = ours[0];
            // Latency after the quality pass has warmed the JIT: the median of repeated rounds.
            long[] latencies = new long[cases.size() * LATENCY_ROUNDS];
            int i = 0;
            for (int round = 0; round < LATENCY_ROUNDS; round++) {
                for (Case c : cases) {
                    long t0 = System.nanoTime();
                    index.search(c.question(), 50);
                    latencies[i++] = System.nanoTime() - t0;
                }
            }
            System.out.printf("documents: %d indexed in %.1f s (%d passages)%n", index.documents().size(), indexSeconds, index.passageCount());
            System.out.printf("questions: %d%n", metrics.count());
            System.out.println("                                    all questions          even half              odd half");
            System.out.println("ranking                             hit@1  hit@5  MRR@10   hit@1  hit@5  MRR@10   hit@1  hit@5  MRR@10");
            System.out.println(row("plain BM25 (Lucene FrenchAnalyzer)", plain));
            System.out.println(row("Capsules (CapsuleIndex.search)", ours));
            System.out.println("search latency (top 50): " + Latencies.describe(latencies));
        } finally {
            FileTrees.delete(temp);
        }
        return 0;
    }

    private static final int LATENCY_ROUNDS = 5;

    /** Passages asked of each ranking per question; hits are counted by document within them. */
    private static final int DEPTH = 50;

    private static String row(String name, RankingMetrics[] metrics) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-35s", name));
        for (RankingMetrics m : metrics) {
            row.append(String.format(Locale.ROOT, " %6.3f %6.3f %6.3f  ", m.hitAt1(), m.hitAt5(), m.mrrAt10()));
        }
        return row.toString().stripTrailing();
    }

    private static List<String> rankedDocuments(CapsuleIndex index, String question) throws java.io.IOException {
        LinkedHashSet<String> ranked = new LinkedHashSet<>();
        index.search(question, DEPTH).forEach(h -> ranked.add(h.documentId()));
        return List.copyOf(ranked);
    }

    /** With several acceptable documents, the best-ranked one is the one to find. */
    private static String expectedId(Case c, Map<String, String> idByFile, List<String> rankedIds) {
        List<String> expectedIds = c.expectedFiles().stream().map(f -> idByFile.getOrDefault(f, "?" + f)).toList();
        return expectedIds.stream()
                .filter(rankedIds::contains)
                .min(java.util.Comparator.comparingInt(rankedIds::indexOf))
                .orElse(expectedIds.get(0));
    }
}
