package fr.capsules.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneBackend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, point 6: what open capsules cost one node. Not part of the test suite (the class name matches no test
 * pattern):
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl app -am test -Dtest=OpenCapsulesBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * # -Dcapsules=N (200 by default) small capsules of -Dcapsule.passages=N (200 by default) passages, and one capsule of
 * # -Dlarge.passages=N (20,000 by default); figures also in app/target/benchmarks/open-capsules.txt
 * </pre>
 *
 * <p>Builds {@code N} small capsule indexes through the index port (embedded Lucene, as the service does, one store
 * per capsule), then opens them all and searches each once, as a node serving every capsule holds them: heap after GC,
 * open file descriptors ({@code /proc/self/fd}) and disk, before and after, per open capsule. Then one larger capsule
 * for the heap, disk and file descriptors per 100,000 passages. Synthetic French passages (seeded).
 */
class OpenCapsulesBenchmark {

    private static final int CAPSULES = Integer.getInteger("capsules", 200);
    private static final int PASSAGES = Integer.getInteger("capsule.passages", 200);
    private static final int LARGE = Integer.getInteger("large.passages", 20_000);
    private static final int PER_DOCUMENT = 10;

    @Test
    void openCapsules() throws Exception {
        BenchmarkReport report = new BenchmarkReport();
        report.line("load average before: " + BenchmarkReport.loadAverage());
        Path root = Files.createTempDirectory("capsules-open-");
        LuceneBackend backend = new LuceneBackend(root.resolve("small"));
        Random random = new Random(17);
        for (int c = 0; c < CAPSULES; c++) {
            try (CapsuleIndexStore store = backend.store(id(c), IndexSettings.lexicalOnly())) {
                fill(store.openCurrent(), PASSAGES, random);
            }
        }
        long heapBefore = heapAfterGc();
        long fdsBefore = openFiles();
        List<CapsuleIndexStore> open = new ArrayList<>();
        long[] searches = new long[CAPSULES];
        for (int c = 0; c < CAPSULES; c++) {
            CapsuleIndexStore store = backend.store(id(c), IndexSettings.lexicalOnly());
            open.add(store);
            long start = System.nanoTime();
            assertThat(store.openCurrent().search("délai de réponse aux réclamations des usagers", 10)).isNotEmpty();
            searches[c] = System.nanoTime() - start;
        }
        long heapOpen = heapAfterGc();
        long fdsOpen = openFiles();
        long disk = size(root.resolve("small"));
        report.line(String.format(Locale.ROOT,
                "%d capsules of %d passages open: heap after GC +%.1f MB (%.1f kB a capsule), open files +%d (%.1f a capsule),"
                        + " disk %.1f MB (%.1f kB a capsule); first search of each (opening included) %s",
                CAPSULES, PASSAGES, (heapOpen - heapBefore) / 1e6, (heapOpen - heapBefore) / 1e3 / CAPSULES, fdsOpen - fdsBefore,
                (double) (fdsOpen - fdsBefore) / CAPSULES, disk / 1e6, disk / 1e3 / CAPSULES, BenchmarkReport.percentiles(searches)));
        for (CapsuleIndexStore store : open) {
            store.close();
        }
        report.line(String.format(Locale.ROOT, "all closed: open files %d (before opening: %d)", openFiles(), fdsBefore));

        LuceneBackend large = new LuceneBackend(root.resolve("large"));
        long start = System.nanoTime();
        try (CapsuleIndexStore store = large.store("grande", IndexSettings.lexicalOnly())) {
            fill(store.openCurrent(), LARGE, random);
        }
        double indexing = (System.nanoTime() - start) / 1e9;
        long heapClosed = heapAfterGc();
        long fdsClosed = openFiles();
        try (CapsuleIndexStore store = large.store("grande", IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            long[] times = new long[200];
            for (int i = 0; i < times.length; i++) {
                long t = System.nanoTime();
                index.search(question(random), 10);
                times[i] = System.nanoTime() - t;
            }
            long heapLarge = heapAfterGc();
            long fdsLarge = openFiles();
            long diskLarge = size(root.resolve("large"));
            report.line(String.format(Locale.ROOT,
                    "one capsule of %d passages (indexed in %.1f s): disk %.1f MB (%.1f MB per 100,000 passages), heap open"
                            + " +%.1f MB after GC, open files +%d; 200 searches %s",
                    LARGE, indexing, diskLarge / 1e6, diskLarge / 1e6 * 100_000 / LARGE, (heapLarge - heapClosed) / 1e6,
                    fdsLarge - fdsClosed, BenchmarkReport.percentiles(times)));
        }
        report.line("load average after: " + BenchmarkReport.loadAverage());
        report.write("open-capsules.txt");
    }

    private static String id(int c) {
        return String.format(Locale.ROOT, "capsule-%03d", c);
    }

    private static final List<String> WORDS = SyntheticCapsule.WORDS;

    private static void fill(CapsuleIndex index, int passages, Random random) throws IOException {
        for (int d = 0; d * PER_DOCUMENT < passages; d++) {
            List<Passage> list = new ArrayList<>();
            for (int p = 0; p < PER_DOCUMENT && d * PER_DOCUMENT + p < passages; p++) {
                list.add(new Passage(SyntheticCapsule.sentence(random, 40) + " " + SyntheticCapsule.sentence(random, 30), p + 1,
                        List.of("Note " + d, "Point " + p), Passage.Kind.TEXT));
            }
            index.add(record("doc-" + d, "note-" + d + ".md", "Note de service " + d, list), list);
        }
        index.commit();
    }

    private static String question(Random random) {
        return "Quel " + WORDS.get(random.nextInt(WORDS.size())) + " pour le " + WORDS.get(random.nextInt(WORDS.size())) + " et la "
                + WORDS.get(random.nextInt(WORDS.size())) + " ?";
    }

    private static DocumentRecord record(String id, String file, String title, List<Passage> passages) {
        String text = String.join("\n", passages.stream().map(Passage::text).toList());
        return new DocumentRecord(id, file, title, "2026-11-02", passages.size(), passages.size(), sha256(file + "\n" + text),
                sha256(text), "MD", List.of(), Instant.parse("2026-11-02T08:00:00Z"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
