package fr.capsules.ingest.cli;

import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.CapsuleIndexStore;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.IndexSettings;
import fr.capsules.ingest.pipeline.Ingestion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The main class of a child JVM that works on one capsule's index the way the service does
 * (uploads of a few files through {@link Ingestion} with a commit each, deletions, re-indexing
 * into a new generation with {@link CapsuleIndexStore#rebuild}), forever, until it is killed.
 * Each operation is announced on standard output before it starts ("op upload" …), so that the
 * test knows what a kill interrupted. Small commits pile up segments, so Lucene merges often.
 *
 * <p>Arguments: the indexes root, the documents folder, a random seed.
 */
final class CrashWorkload {

    static final String CAPSULE = "essai";

    private CrashWorkload() {}

    public static void main(String[] args) throws IOException {
        Path indexes = Path.of(args[0]);
        List<SourceFile> corpus = Folders.sources(Path.of(args[1]));
        Map<String, SourceFile> byName = corpus.stream()
                .collect(Collectors.toMap(s -> s.name().value(), Function.identity()));
        Random random = new Random(Long.parseLong(args[2]));
        try (Ingestion ingestion = new Ingestion(IngestionSettings.defaults());
                CapsuleIndexStore store = IngestCommand.indexes(indexes).store(CAPSULE, IndexSettings.lexicalOnly())) {
            warmUp(ingestion, corpus);
            store.openCurrent();
            say("started");
            while (true) {
                int present = store.openCurrent().documents().size();
                int dice = present < 10 ? 0 : random.nextInt(100);
                if (dice < 60) {
                    say("op upload");
                    List<SourceFile> batch = new ArrayList<>(corpus);
                    Collections.shuffle(batch, random);
                    ingestion.ingestAll(batch.subList(0, 1 + random.nextInt(8)), store.openCurrent());
                } else if (dice < 80) {
                    say("op delete");
                    CapsuleIndex index = store.openCurrent();
                    List<DocumentRecord> documents = index.documents();
                    for (int i = 0; i < Math.min(3, documents.size()); i++) {
                        index.delete(documents.get(random.nextInt(documents.size())).documentId());
                    }
                    index.commit();
                } else {
                    say("op reindex");
                    List<SourceFile> kept = new ArrayList<>();
                    for (DocumentRecord document : store.openCurrent().documents()) {
                        kept.add(byName.get(document.file()));
                    }
                    kept.removeIf(java.util.Objects::isNull);
                    store.rebuild(index -> ingestion.ingestAll(kept, index));
                }
            }
        }
    }

    /** Classes loaded and code warm on a throwaway index, so that kills land in real work. */
    private static void warmUp(Ingestion ingestion, List<SourceFile> corpus) throws IOException {
        Path temp = java.nio.file.Files.createTempDirectory("capsules-warm-");
        try (CapsuleIndexStore store = IngestCommand.indexes(temp).store(CAPSULE, IndexSettings.lexicalOnly())) {
            ingestion.ingestAll(corpus.subList(0, Math.min(4, corpus.size())), store.openCurrent());
        } finally {
            fr.capsules.ingest.FileTrees.delete(temp);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
