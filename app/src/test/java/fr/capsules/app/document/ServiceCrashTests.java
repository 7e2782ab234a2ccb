package fr.capsules.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.ApiClient;
import fr.capsules.app.ApiClient.Part;
import fr.capsules.app.CapsulesApplication;
import fr.capsules.ingest.Sha256;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.index.lucene.LuceneIndexStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Crash safety through the service itself: the real application ({@link CapsulesApplication}) runs in
 * a child JVM on a data folder of its own (embedded H2, local Lucene indexes, the bootstrap
 * administrator); this test drives it over HTTP as a referent would (uploads of one to four files —
 * text, PDF, DOCX, now and then a ZIP —, deletions, re-indexing of the capsule, which rebuilds its
 * index into a new generation; Lucene merges the small segments of the uploads meanwhile; new
 * catalogue files indexed at start-up) and kills it with SIGKILL at a random moment, sometimes during
 * its start-up, then starts it again on the same data folder.
 *
 * <p>After each kill, with the service stopped: Lucene's {@link CheckIndex} clean on the live
 * generation of every capsule index; every document with exactly its passages, none twice; every
 * document the client saw acknowledged (200 / 204) still there (or still gone). Then, the service
 * started again and ready: it lists exactly the documents of the index, each with its original, and
 * no original is left of a document the index does not hold; the audit chain verifies.
 *
 * <p>{@value #DEFAULT_KILLS} kills in the suite; the benchmark (docs/BENCHMARKS.md, "Issue 13.6 — crash
 * safety through the service"):
 *
 * <pre>./mvnw -B -ntp -o -pl app -am test -Dtest=ServiceCrashTests -Dsurefire.failIfNoSpecifiedTests=false -Dcapsules.crash.kills=200</pre>
 *
 * {@code -Dcapsules.crash.seed=N} replays the choices of a run; {@code -Dcapsules.crash.sandbox=true}
 * parses in the parser sandbox's child JVMs as in production (off by default: one JVM less to start
 * per cycle; parsing is not what is under test).
 */
class ServiceCrashTests {

    static final int DEFAULT_KILLS = 3;
    private static final String CAPSULE = "crash-essai";
    private static final String PASSWORD = "crash-admin-2026";
    private static final int CORPUS = 40;
    private static final int CATALOGUE_POOL = 12;

    @TempDir
    Path dir;

    private Path data;
    private Path catalogue;
    private final Map<String, byte[]> corpus = new TreeMap<>(); // file name → bytes
    private final Map<String, String> idOf = new HashMap<>(); // file name → documentId
    /** documentId → true (acknowledged present) or false (acknowledged absent); unknown ones are not in it. */
    private final Map<String, Boolean> acknowledged = new HashMap<>();
    private final Map<String, Integer> interrupted = new TreeMap<>();

    @org.junit.jupiter.api.AfterEach
    void killEveryServiceLeft() throws InterruptedException {
        for (Process process : Service.STARTED) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        Service.STARTED.clear();
    }

    @Test
    void theServiceKilledAtRandomMomentsRestartsWithCleanIndexesAndWholeDocuments() throws Exception {
        int kills = Integer.getInteger("capsules.crash.kills", DEFAULT_KILLS);
        long seed = Long.getLong("capsules.crash.seed", System.nanoTime());
        boolean sandbox = Boolean.getBoolean("capsules.crash.sandbox");
        Random random = new Random(seed);
        data = dir.resolve("data");
        catalogue = dir.resolve("catalogue");
        writeCatalogue();
        writeCorpus();

        int catalogueAdded = 2;
        int pendingFilesSeen = 0;
        int killsInStartUp = 0;
        int maxDocuments = 0;
        long startUpMillis = 15_000;
        long started = System.nanoTime();
        for (int kill = 0; kill < kills; kill++) {
            String when = "kill " + kill + " (seed " + seed + ")";
            // Now and then a new catalogue file, which the start-up indexing takes in.
            if (catalogueAdded < CATALOGUE_POOL && random.nextInt(4) == 0) {
                addCatalogueFile(catalogueAdded++);
            }
            boolean inStartUp = kill > 0 && random.nextInt(8) == 0;
            Path log = dir.resolve("service-" + kill + ".log");
            Service service = Service.start(dir, data, catalogue, log, sandbox);
            String operation;
            boolean pendingFiles;
            if (inStartUp) {
                Thread.sleep(random.nextLong(startUpMillis));
                pendingFiles = hasFilesOutsideTheCommit();
                operation = "start-up";
                killsInStartUp++;
            } else {
                long readyAfter = service.awaitReady();
                startUpMillis = readyAfter;
                checkServiceAgreesWithIndex(service, when);
                acknowledgeCatalogue(catalogueAdded);
                Workload workload = new Workload(service, new Random(random.nextLong()));
                Thread driver = Thread.ofPlatform().name("crash-driver").start(workload);
                Thread.sleep(500 + random.nextInt(3_000));
                pendingFiles = hasFilesOutsideTheCommit();
                operation = workload.current;
                service.kill();
                workload.stop.set(true);
                driver.join(TimeUnit.SECONDS.toMillis(60));
                assertThat(driver.isAlive()).isFalse();
                if (workload.failure != null) {
                    throw new AssertionError("the service answered wrongly before " + when + ": " + service.tail(), workload.failure);
                }
                workload.forgetUnfinished();
            }
            service.kill();
            assertThat(service.exitValue()).as("killed, not ended: see %s", log).isEqualTo(137);
            interrupted.merge(operation, 1, Integer::sum);
            pendingFilesSeen += pendingFiles ? 1 : 0;

            checkIndexesAreClean(when);
            maxDocuments = Math.max(maxDocuments, checkDocumentsAreWholeAndAcknowledged(when));
            System.out.printf("service crash safety: %d kills survived so far (%.0f s, seed %d); interrupted %s; start-up %d;"
                            + " files outside the last commit %d; documents %d%n",
                    kill + 1, (System.nanoTime() - started) / 1e9, seed, interrupted, killsInStartUp, pendingFilesSeen, maxDocuments);
        }
        // The last kill checked once more through a service started on what it left.
        Service last = Service.start(dir, data, catalogue, dir.resolve("service-last.log"), sandbox);
        last.awaitReady();
        checkServiceAgreesWithIndex(last, "after the last kill (seed " + seed + ")");
        last.kill();

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("service crash safety: %d kills survived in %.0f s (%.1f s a cycle, seed %d); interrupted operations %s;"
                        + " kills during start-up: %d; kills with index files outside the last commit (flush or merge under way): %d;"
                        + " most documents: %d%n",
                kills, seconds, seconds / kills, seed, interrupted, killsInStartUp, pendingFilesSeen, maxDocuments);
    }

    // ---------------------------------------------------------------- the workload, over HTTP

    /** Uploads, deletions and re-indexing one after the other until the service is killed. */
    private final class Workload implements Runnable {
        final Service service;
        final Random random;
        final AtomicBoolean stop = new AtomicBoolean();
        volatile String current = "warm-up";
        volatile Throwable failure;
        /** Documents the operation under way may change: unknown if it does not finish. */
        final Set<String> touched = new HashSet<>();

        Workload(Service service, Random random) {
            this.service = service;
            this.random = random;
        }

        @Override
        public void run() {
            ApiClient admin = service.admin();
            try {
                while (!stop.get()) {
                    int dice = random.nextInt(100);
                    if (dice < 55) {
                        upload(admin);
                    } else if (dice < 80) {
                        delete(admin);
                    } else {
                        reindex(admin);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // The service was killed mid-request: that request's outcome is unknown.
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void upload(ApiClient admin) throws UncheckedIOException {
            List<String> names = new ArrayList<>(corpus.keySet());
            int count = 1 + random.nextInt(4);
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = names.get(random.nextInt(names.size()));
                if (!chosen.contains(name)) {
                    chosen.add(name);
                }
            }
            List<Part> parts = new ArrayList<>();
            if (chosen.size() > 1 && random.nextInt(6) == 0) {
                current = "upload zip";
                parts.add(Part.of("lot-" + random.nextInt(1000) + ".zip", zip(chosen)));
            } else {
                current = chosen.size() > 1 ? "upload several" : "upload one";
                chosen.forEach(name -> parts.add(Part.of(name, corpus.get(name))));
            }
            begin(chosen.stream().map(idOf::get).toList());
            ApiClient.Response response = admin.upload("/api/capsules/" + CAPSULE + "/documents", parts);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            for (JsonNode result : response.json().get("results")) {
                String status = result.get("status").asString();
                assertThat(status).as(result.toString()).isIn("indexed", "duplicate");
                acknowledged.put(result.get("documentId").asString(), true);
            }
            done();
        }

        private void delete(ApiClient admin) {
            current = "list";
            ApiClient.Response list = admin.get("/api/capsules/" + CAPSULE + "/documents");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            list.json().forEach(d -> ids.add(d.get("documentId").asString()));
            if (ids.size() < 4) {
                return;
            }
            String id = ids.get(random.nextInt(ids.size()));
            current = "delete";
            begin(List.of(id));
            ApiClient.Response response = admin.delete("/api/capsules/" + CAPSULE + "/documents/" + id);
            assertThat(response.status()).as(response.body()).isEqualTo(204);
            acknowledged.put(id, false);
            done();
        }

        private void reindex(ApiClient admin) {
            current = "re-index";
            ApiClient.Response response = admin.postJson("/api/capsules/" + CAPSULE + "/reindex", "{}");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            current = "after re-index";
        }

        private void begin(List<String> ids) {
            touched.clear();
            touched.addAll(ids);
        }

        private void done() {
            touched.clear();
            current = "between operations";
        }

        /** What the operation cut short may or may not have done. */
        void forgetUnfinished() {
            touched.forEach(acknowledged::remove);
            touched.clear();
        }
    }

    private byte[] zip(List<String> names) {
        try {
            return Fixtures.zip(names.stream().map(n -> new Fixtures.Entry(n, corpus.get(n))).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the checks

    private Path capsuleIndexes() {
        return data.resolve("indexes");
    }

    private List<Path> liveGenerations() throws IOException {
        List<Path> live = new ArrayList<>();
        if (!Files.isDirectory(capsuleIndexes())) {
            return live;
        }
        try (Stream<Path> capsules = Files.list(capsuleIndexes())) {
            for (Path root : capsules.filter(Files::isDirectory).sorted().toList()) {
                Path current = root.resolve("CURRENT");
                if (Files.exists(current)) {
                    live.add(root.resolve(Files.readString(current).strip()));
                }
            }
        }
        return live;
    }

    /** Segment files on disk that the last commit does not name: a flush or a merge was under way. */
    private boolean hasFilesOutsideTheCommit() {
        try {
            for (Path live : liveGenerations()) {
                try (FSDirectory directory = FSDirectory.open(live)) {
                    Set<String> named = new HashSet<>(SegmentInfos.readLatestCommit(directory).files(true));
                    for (String file : directory.listAll()) {
                        if (!named.contains(file) && !file.equals("write.lock") && !file.startsWith("segments")) {
                            return true;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // The service was writing the very commit being read: look no further.
        }
        return false;
    }

    private void checkIndexesAreClean(String when) throws IOException {
        for (Path live : liveGenerations()) {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            try (FSDirectory directory = FSDirectory.open(live); CheckIndex checker = new CheckIndex(directory)) {
                checker.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8));
                CheckIndex.Status status = checker.checkIndex();
                assertThat(status.clean).as("CheckIndex of %s %s:%n%s", live, when, report.toString(StandardCharsets.UTF_8)).isTrue();
            }
        }
    }

    /** The documents in the index, read with the service stopped: each whole and once, the acknowledged ones as acknowledged. */
    private int checkDocumentsAreWholeAndAcknowledged(String when) throws IOException {
        Set<String> ids = indexedIds(when);
        acknowledged.forEach((id, present) -> assertThat(ids.contains(id))
                .as("document %s acknowledged %s, %s", id, present ? "indexed" : "deleted", when)
                .isEqualTo(present));
        return ids.size();
    }

    private Set<String> indexedIds(String when) throws IOException {
        Path root = capsuleIndexes().resolve(CAPSULE);
        if (!Files.exists(root.resolve("CURRENT"))) {
            return Set.of();
        }
        try (LuceneIndexStore store = new LuceneIndexStore(root, IndexSettings.lexicalOnly())) {
            CapsuleIndex index = store.openCurrent();
            List<DocumentRecord> documents = index.documents();
            int passages = 0;
            for (DocumentRecord document : documents) {
                assertThat(index.passages(document.documentId())).as("passages of %s %s", document.file(), when).hasSize(document.chunks());
                passages += document.chunks();
            }
            assertThat(index.passageCount()).as("no passage without its document %s", when).isEqualTo(passages);
            assertThat(documents.stream().map(DocumentRecord::file).distinct().count()).as("a file twice %s", when).isEqualTo(documents.size());
            assertThat(documents.stream().map(DocumentRecord::sha256).distinct().count()).as("a content twice %s", when).isEqualTo(documents.size());
            return documents.stream().map(DocumentRecord::documentId).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** With the service up and ready: what it lists is the index, each with its original, and no stray original. */
    private void checkServiceAgreesWithIndex(Service service, String when) throws IOException {
        ApiClient admin = service.admin();
        ApiClient.Response list = admin.get("/api/capsules/" + CAPSULE + "/documents");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        Set<String> listed = new TreeSet<>();
        list.json().forEach(d -> listed.add(d.get("documentId").asString()));
        assertThat(listed.size()).as("listed twice %s", when).isEqualTo(list.json().size());
        acknowledged.forEach((id, present) -> assertThat(listed.contains(id))
                .as("document %s acknowledged %s, listed after restart %s", id, present ? "indexed" : "deleted", when)
                .isEqualTo(present));
        for (String id : listed) {
            ApiClient.Download original = admin.download("/api/capsules/" + CAPSULE + "/documents/" + id + "/file");
            assertThat(original.status()).as("original of %s %s", id, when).isEqualTo(200);
            assertThat(Sha256.hex(original.bytes()).substring(0, 20)).as("original of %s %s", id, when).isEqualTo(id);
        }
        Path uploads = data.resolve("documents").resolve(CAPSULE);
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> folders = Files.list(uploads)) {
                List<String> stray = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(id -> !listed.contains(id)).sorted().toList();
                assertThat(stray).as("originals kept of documents the service does not hold %s", when).isEmpty();
            }
        }
        ApiClient.Response audit = admin.get("/api/audit/verify");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("valid").asBoolean()).as("audit chain %s: %s", when, audit.body()).isTrue();
    }

    // ---------------------------------------------------------------- files

    private void writeCatalogue() throws IOException {
        Path capsule = Files.createDirectories(catalogue.resolve(CAPSULE));
        Files.writeString(capsule.resolve("capsule.yaml"), """
                id: %s
                name: Essai de résistance aux arrêts brutaux
                description: Capsule d'essai, alimentée et ré-indexée pendant que le service est tué.
                purpose: Vérifier qu'un arrêt brutal ne laisse ni index abîmé ni document partiel.
                referent: "Équipe Capsules"
                version: 1
                status: published
                scope:
                  generic: true
                  services: []
                kind: chat
                instructions: Réponds à partir des passages fournis.
                """.formatted(CAPSULE));
        Files.createDirectories(capsule.resolve("documents"));
        addCatalogueFile(0);
        addCatalogueFile(1);
    }

    private void addCatalogueFile(int i) throws IOException {
        Path documents = catalogue.resolve(CAPSULE).resolve("documents");
        String text = "# Procédure interne " + i + "\n\n" + ("La procédure " + i + " encadre le signalement des événements indésirables"
                + " graves par les établissements du département " + (10 + i) + ". ").repeat(3 + i) + "\n";
        Path file = documents.resolve(String.format("procedure-%02d.md", i));
        Files.writeString(file, text);
        catalogueIds.put(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 20), i);
    }

    private final Map<String, Integer> catalogueIds = new HashMap<>();
    private final Set<String> catalogueSeen = new HashSet<>();

    /** Once the service is ready, the catalogue's files are indexed, save those a deletion took out. */
    private void acknowledgeCatalogue(int added) {
        catalogueIds.forEach((id, i) -> {
            if (i < added && catalogueSeen.add(id)) {
                acknowledged.put(id, true);
            }
        });
    }

    private void writeCorpus() throws IOException {
        for (int i = 0; i < CORPUS; i++) {
            String body = ("Compte rendu numéro " + i + ". L'inspection du " + (1 + i % 28) + " mars a relevé, dans l'établissement "
                    + i + " de la commune n° " + (i * 7919 % 1000) + ", des écarts sur la traçabilité des dispositifs médicaux. ")
                    .repeat(2 + i % 9);
            String name;
            byte[] bytes;
            switch (i % 3) {
                case 0 -> {
                    name = String.format("note-%02d.txt", i);
                    bytes = ("Note de service " + i + "\n\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
                }
                case 1 -> {
                    name = String.format("rapport-%02d.pdf", i);
                    bytes = Fixtures.pdf("Rapport d'inspection " + i + "\n" + body, "Constats " + i + "\nLe plan bleu " + i + " est à revoir.");
                }
                default -> {
                    name = String.format("courrier-%02d.docx", i);
                    bytes = Fixtures.docx("Courrier " + i, body, "Suites données au courrier " + i + ".");
                }
            }
            corpus.put(name, bytes);
            idOf.put(name, Sha256.hex(bytes).substring(0, 20));
        }
    }

    // ---------------------------------------------------------------- the service in a child JVM

    /** The application in a child JVM of this test's JDK and class path. */
    private record Service(Process process, int port, Path log) {

        /** Every service started, killed after the test whatever happens. */
        static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

        static Service start(Path dir, Path data, Path catalogue, Path log, boolean sandbox) throws IOException {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir,
                    "-cp", System.getProperty("java.class.path"),
                    CapsulesApplication.class.getName(),
                    "--server.port=" + port,
                    "--capsules.data-dir=" + data,
                    "--capsules.catalog-dir=" + catalogue,
                    "--capsules.admin-password=" + PASSWORD,
                    // No model server: ingestion needs none (lexical index); a closed port answers at once.
                    "--capsules.ollama.base-url=http://127.0.0.1:" + freePort(),
                    "--capsules.ingestion.parse-sandbox=" + sandbox,
                    "--capsules.ingestion.parse-sandbox-children=1",
                    "--capsules.ocr.enabled=false"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            STARTED.add(process);
            return new Service(process, port, log);
        }

        ApiClient admin() {
            return ApiClient.as(port, "admin", PASSWORD);
        }

        /** Waits until readiness says UP; returns how long the start took. */
        long awaitReady() throws IOException, InterruptedException {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(900); // a loaded machine takes minutes
            ApiClient anonymous = ApiClient.anonymous(port);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("service alive: %s", tail()).isTrue();
                try {
                    if (anonymous.get("/actuator/health/readiness").status() == 200) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    }
                } catch (UncheckedIOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("service never ready: " + tail());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        int exitValue() {
            return process.exitValue();
        }

        String tail() throws IOException {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
