package fr.capsules.ingest.cli;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench-ingest}: ingests every file under the given folders into a fresh temporary index,
 * several rounds, and prints the throughput of each round after the first (which warms the JIT
 * and PDFBox's font cache): pages per second (pages as reported by the parsers, a file without
 * pages counting as one), files per second, and the outcome per status.
 */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true, description = "Mesure le débit d'indexation (pages par seconde).")
final class IngestionBenchmark implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "dossiers de documents")
    List<Path> folders;

    @Option(names = "--rounds", defaultValue = "6", description = "passes complètes, la première non mesurée (défaut : ${DEFAULT-VALUE})")
    int rounds;

    @Override
    public Integer call() throws Exception {
        List<SourceFile> sources = new ArrayList<>();
        for (Path folder : folders) {
            sources.addAll(Folders.sources(folder));
        }
        long bytes = sources.stream().mapToLong(SourceFile::size).sum();
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults())) {
            for (int round = 0; round < rounds; round++) {
                Path temp = Files.createTempDirectory("capsules-bench-");
                try (CapsuleIndexStore store = IngestCommand.indexes(temp).store("bench", IndexSettings.lexicalOnly())) {
                    CapsuleIndex index = store.openCurrent();
                    long start = System.nanoTime();
                    List<IngestionResult> results = ingestion.ingestAll(sources, index);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round == 0) {
                        Map<String, Integer> byStatus = new TreeMap<>();
                        results.forEach(r -> byStatus.merge(r.status().json(), 1, Integer::sum));
                        System.out.printf("files: %d (%.1f MB) %s, passages: %d%n", sources.size(), bytes / 1e6, byStatus, index.passageCount());
                        continue;
                    }
                    long pages = results.stream()
                            .filter(r -> r.status() == IngestionStatus.INDEXED)
                            .mapToLong(r -> Math.max(1, r.pages()))
                            .sum();
                    System.out.printf("round %d: %d pages in %.2f s — %.1f pages/s, %.1f files/s%n",
                            round, pages, seconds, pages / seconds, sources.size() / seconds);
                } finally {
                    FileTrees.delete(temp);
                }
            }
        }
        return 0;
    }
}
