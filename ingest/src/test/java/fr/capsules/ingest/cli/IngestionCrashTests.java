package fr.capsules.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.ingest.TestFiles;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety at scale: a child JVM works on a capsule's index as the service does ({@link
 * CrashWorkload}: uploads committed a few files at a time, deletions, re-indexing into a new
 * generation, Lucene merging meanwhile) and is killed with SIGKILL at a random moment, again and
 * again on the same index. After each kill: Lucene's {@link CheckIndex} finds the live generation
 * clean, every document holds exactly the passages it was indexed with (none partial), no file
 * and no content is there twice, and the next child goes on from there.
 *
 * <p>{@value #DEFAULT_KILLS} kills in the normal suite (more until one lands in an upload, at most three times as
 * many); more with {@code -Dcapsules.crash.kills=200}
 * (figures in docs/BENCHMARKS.md, "Issue 13 — crash safety"):
 *
 * <pre>./mvnw -B -ntp -o -pl ingest test -Dtest=IngestionCrashTests -Dcapsules.crash.kills=200</pre>
 */
class IngestionCrashTests {

    static final int DEFAULT_KILLS = 10;
    private static final int FILES = 60;

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsTheIndexStaysCleanWithNoPartialOrDuplicatedDocument() throws Exception {
        int kills = Integer.getInteger("capsules.crash.kills", DEFAULT_KILLS);
        long seed = Long.getLong("capsules.crash.seed", System.nanoTime());
        Path documents = corpus();
        Path indexes = dir.resolve("indexes");
        Random random = new Random(seed);
        Map<String, Integer> interrupted = new TreeMap<>();
        int uncommittedFilesSeen = 0;
        int maxDocuments = 0;
        long started = System.nanoTime();
        int kill = 0;
        // Past the planned kills, go on until one lands in an upload (on a loaded machine the random
        // moments may all fall in start-up, deletes or re-indexing), bounded at three times as many.
        for (; kill < kills || !interrupted.containsKey("op upload") && kill < 3 * kills; kill++) {
            Path log = dir.resolve("child-" + kill + ".log");
            Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                            "-cp", System.getProperty("java.class.path"), CrashWorkload.class.getName(),
                            indexes.toString(), documents.toString(), Long.toString(seed + kill))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            awaitLine(log, "started", child);
            Thread.sleep(random.nextInt(2_500));
            boolean pendingFiles = hasFilesOutsideTheCommit(indexes);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("killed, not ended: see %s", log).isEqualTo(137);
            interrupted.merge(lastOperation(log), 1, Integer::sum);
            uncommittedFilesSeen += pendingFiles ? 1 : 0;

            checkIndexIsClean(indexes, "after kill " + kill + " (seed " + seed + ")");
            maxDocuments = Math.max(maxDocuments, checkDocumentsAreWhole(indexes));
            if ((kill + 1) % 10 == 0) {
                System.out.printf("crash safety: %d kills survived so far (%.0f s); interrupted %s%n",
                        kill + 1, (System.nanoTime() - started) / 1e9, interrupted);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("crash safety: %d kills survived in %.0f s (seed %d); interrupted operations %s; "
                        + "kills with index files outside the last commit (flush or merge under way): %d; most documents: %d%n",
                kill, seconds, seed, interrupted, uncommittedFilesSeen, maxDocuments);
        assertThat(interrupted.keySet()).as("kills landed in uploads").contains("op upload");
    }

    private Path corpus() throws IOException {
        Path documents = dir.resolve("documents");
        Files.createDirectories(documents);
        for (int i = 0; i < FILES; i++) {
            String body = ("Note de service numéro " + i + ".\n\nLe dossier " + i + " concerne la commune n° " + (i * 7919 % 1000)
                    + " et la plainte déposée par l'usager au sujet de l'établissement " + i + ". ").repeat(1 + i % 7) + "\n";
            if (i % 10 == 0) {
                Files.write(documents.resolve(String.format("rapport-%03d.pdf", i)),
                        TestFiles.pdf("Rapport d'inspection " + i + "\n" + body, "Constats " + i + "\nLe plan bleu " + i + " est à revoir."));
            } else {
                Files.writeString(documents.resolve(String.format("note-%03d.txt", i)), body);
            }
        }
        return documents;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitLine(Path log, String line, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            assertThat(child.isAlive()).as("child alive: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("child never said " + line);
    }

    private static String lastOperation(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("op ")).toList();
        return lines.isEmpty() ? "start-up" : lines.getLast();
    }

    private static Path liveGeneration(Path indexes) throws IOException {
        Path root = indexes.resolve(CrashWorkload.CAPSULE);
        Path current = root.resolve("CURRENT");
        return Files.exists(current) ? root.resolve(Files.readString(current).strip()) : null;
    }

    /** Segment files on disk that the last commit does not name: a flush or a merge was under way. */
    private static boolean hasFilesOutsideTheCommit(Path indexes) {
        try {
            Path live = liveGeneration(indexes);
            if (live == null) {
                return false;
            }
            try (FSDirectory directory = FSDirectory.open(live)) {
                var commit = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
                var named = new java.util.HashSet<>(commit.files(true));
                for (String file : directory.listAll()) {
                    if (!named.contains(file) && !file.equals("write.lock") && !file.startsWith("segments")) {
                        return true;
                    }
                }
            }
        } catch (IOException e) {
            // The child was writing the very commit being read: look no further.
        }
        return false;
    }

    private static void checkIndexIsClean(Path indexes, String when) throws IOException {
        Path live = liveGeneration(indexes);
        if (live == null) {
            return; // killed before the first commit
        }
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (FSDirectory directory = FSDirectory.open(live); CheckIndex checker = new CheckIndex(directory)) {
            checker.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
            CheckIndex.Status status = checker.checkIndex();
            assertThat(status.clean).as("CheckIndex %s:%n%s", when, report.toString(StandardCharsets.UTF_8)).isTrue();
        }
    }

    /** Every document whole and once; returns how many there are. */
    private static int checkDocumentsAreWhole(Path indexes) throws IOException {
        try (CapsuleIndexStore store = IngestCommand.indexes(indexes).store(CrashWorkload.CAPSULE, IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            List<DocumentRecord> documents = index.documents();
            int passages = 0;
            for (DocumentRecord document : documents) {
                assertThat(index.passages(document.documentId())).as("passages of %s", document.file()).hasSize(document.chunks());
                passages += document.chunks();
            }
            assertThat(index.passageCount()).as("no passage without its document").isEqualTo(passages);
            assertThat(documents.stream().map(DocumentRecord::file).distinct().count()).isEqualTo(documents.size());
            assertThat(documents.stream().map(DocumentRecord::sha256).distinct().count()).isEqualTo(documents.size());
            return documents.size();
        }
    }
}
