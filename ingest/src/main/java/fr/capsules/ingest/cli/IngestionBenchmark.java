package fr.capsules.ingest.cli;

import fr.capsules.ingest.Ingestion;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.IndexSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench-ingest}: ingests every file under the given folders into a temporary index, then
 * prints throughput (pages and files per second, pages counted as reported by the parsers, a
 * file without pages counting as one) and the outcome per status.
 */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true, description = "Mesure le débit d'indexation (pages par seconde).")
final class IngestionBenchmark implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "dossiers de documents")
    List<Path> folders;

    @Override
    public Integer call() throws Exception {
        List<SourceFile> sources = new ArrayList<>();
        for (Path folder : folders) {
            sources.addAll(Folders.sources(folder));
        }
        Path temp = Files.createTempDirectory("capsules-bench-");
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndex index = CapsuleIndex.open(temp, IndexSettings.lexicalOnly())) {
            // One warm-up pass over a copy of the first files, so JIT compilation is not measured.
            Path warmDir = Files.createTempDirectory("capsules-warm-");
            try (CapsuleIndex warm = CapsuleIndex.open(warmDir, IndexSettings.lexicalOnly())) {
                ingestion.ingestAll(sources.subList(0, Math.min(10, sources.size())), warm);
            } finally {
                Latencies.deleteTree(warmDir);
            }
            long start = System.nanoTime();
            long bytes = 0;
            long pages = 0;
            Map<String, Integer> byStatus = new TreeMap<>();
            long[] perFile = new long[sources.size()];
            int i = 0;
            for (SourceFile source : sources) {
                long t0 = System.nanoTime();
                IngestionResult result = ingestion.ingest(source, index);
                perFile[i++] = System.nanoTime() - t0;
                bytes += source.size();
                byStatus.merge(result.status().json(), 1, Integer::sum);
                if (result.status() == IngestionStatus.INDEXED) {
                    pages += Math.max(1, result.pages());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("files: %d (%.1f MB) %s%n", sources.size(), bytes / 1e6, byStatus);
            System.out.printf("indexed pages: %d, passages: %d%n", pages, index.passageCount());
            System.out.printf("time: %.2f s — %.1f pages/s, %.1f files/s%n", seconds, pages / seconds, sources.size() / seconds);
            System.out.println("per file: " + Latencies.describe(perFile));
        } finally {
            Latencies.deleteTree(temp);
        }
        return 0;
    }
}
