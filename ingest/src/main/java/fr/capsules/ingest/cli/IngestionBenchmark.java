package fr.capsules.ingest.cli;

import fr.capsules.ingest.FileTrees;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.parse.sandbox.SandboxSettings;
import fr.capsules.ingest.pipeline.Ingestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * pages counting as one), files per second, and the outcome per status. With {@code --mode both}
 * (the default) each round runs in this JVM and then in the parser sandbox (child JVMs), on the same
 * files, so that the cost of the sandbox is measured in one run.
 */
@Command(name = "bench-ingest", mixinStandardHelpOptions = true, description = "Mesure le débit d'indexation (pages par seconde).")
final class IngestionBenchmark implements Callable<Integer> {

    @Parameters(arity = "1..*", description = "dossiers de documents")
    List<Path> folders;

    @Option(names = "--rounds", defaultValue = "6", description = "passes complètes, la première non mesurée (défaut : ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--mode", defaultValue = "both",
            description = "in-process, sandbox ou both : les deux dans la même exécution, en alternance (défaut : ${DEFAULT-VALUE})")
    String mode;

    @Override
    public Integer call() throws Exception {
        List<SourceFile> sources = new ArrayList<>();
        for (Path folder : folders) {
            sources.addAll(Folders.sources(folder));
        }
        long bytes = sources.stream().mapToLong(SourceFile::size).sum();
        Map<String, IngestionSettings> modes = new LinkedHashMap<>();
        if (!mode.equals("sandbox")) {
            modes.put("in-process", IngestionSettings.defaults());
        }
        if (!mode.equals("in-process")) {
            modes.put("sandbox", IngestionSettings.defaults().withSandbox(SandboxSettings.defaults()));
        }
        Map<String, Ingestion> ingestions = new LinkedHashMap<>();
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        try {
            modes.forEach((name, settings) -> {
                ingestions.put(name, new Ingestion(settings));
                rates.put(name, new ArrayList<>());
            });
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Ingestion> entry : ingestions.entrySet()) {
                    Double rate = round(entry.getKey(), entry.getValue(), sources, bytes, round);
                    if (rate != null) {
                        rates.get(entry.getKey()).add(rate);
                    }
                }
            }
        } finally {
            ingestions.values().forEach(Ingestion::close);
        }
        rates.forEach((name, list) -> System.out.printf("%s: median %.1f pages/s over %d rounds%n", name, median(list), list.size()));
        return 0;
    }

    private static Double round(String mode, Ingestion ingestion, List<SourceFile> sources, long bytes, int round)
            throws Exception {
        Path temp = Files.createTempDirectory("capsules-bench-");
        try (CapsuleIndexStore store = IngestCommand.indexes(temp).store("bench", IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            long start = System.nanoTime();
            List<IngestionResult> results = ingestion.ingestAll(sources, index);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round == 0) {
                Map<String, Integer> byStatus = new TreeMap<>();
                results.forEach(r -> byStatus.merge(r.status().json(), 1, Integer::sum));
                System.out.printf("%s: files: %d (%.1f MB) %s, passages: %d%n", mode, sources.size(), bytes / 1e6, byStatus,
                        index.passageCount());
                return null;
            }
            long pages = results.stream()
                    .filter(r -> r.status() == IngestionStatus.INDEXED)
                    .mapToLong(r -> Math.max(1, r.pages()))
                    .sum();
            System.out.printf("%s round %d: %d pages in %.2f s — %.1f pages/s, %.1f files/s%n",
                    mode, round, pages, seconds, pages / seconds, sources.size() / seconds);
            return pages / seconds;
        } finally {
            FileTrees.delete(temp);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
