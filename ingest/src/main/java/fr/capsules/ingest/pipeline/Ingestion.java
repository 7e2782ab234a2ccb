package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.FailureReason;
import fr.capsules.ingest.IngestionResult;
import fr.capsules.ingest.IngestionSettings;
import fr.capsules.ingest.IngestionStatus;
import fr.capsules.ingest.SourceFile;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.IndexInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns files into indexed documents of one capsule: each file goes through the stages of {@link
 * IngestionPipeline} (read, parse, normalise, chunk, embed, index…), and the indexed ones are
 * committed in batches. Every file offered gets one {@link IngestionResult}; one bad file never
 * stops the others. Thread-safe; callers serialise writes to one index.
 *
 * <p><b>Vectors.</b> When the index holds vectors ({@link IndexInfo#hasVectors()}), each
 * document's passages are embedded with the {@link Embedder} before anything is added; if the
 * model fails, the file is reported {@link FailureReason#EMBEDDINGS_UNAVAILABLE} and nothing of
 * it is indexed. Within one run, files after such a failure fail at once with the same reason
 * rather than wait for the model again.
 */
public final class Ingestion implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

    private final IngestionSettings settings;
    private final Embedder embedder; // null: lexical indexes only
    private final BoundedParsing parsing;
    private final CommitRule commitRule;

    /** Ingestion into lexical indexes only (an index with vectors is refused, see below). */
    public Ingestion(IngestionSettings settings) {
        this(settings, null);
    }

    /**
     * @param embedder the model that produced the vectors of the indexes this ingestion will
     *     write to, or null when every index is lexical
     */
    public Ingestion(IngestionSettings settings, Embedder embedder) {
        this(settings, embedder, CommitRule.DEFAULT);
    }

    /** Ingestion that commits during a run as {@code commitRule} says instead of {@link CommitRule#DEFAULT}. */
    public Ingestion(IngestionSettings settings, Embedder embedder, CommitRule commitRule) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.embedder = embedder;
        this.commitRule = Objects.requireNonNull(commitRule, "commitRule");
        this.parsing = new BoundedParsing(settings.parseLimits(), settings.sandbox());
    }

    public IngestionSettings settings() {
        return settings;
    }

    /** The process ids of the child JVMs parsing for this ingestion now; empty when it parses in this JVM. */
    public List<Long> parsingChildren() {
        return parsing.childPids();
    }

    /**
     * Ingests the files in order, committing during the run as {@link CommitRule} says (at least
     * 32 indexed files and a second since the last commit, at most 1,024 files or 64 MB pending)
     * and at the end: a crash loses at most the uncommitted batch, which a re-run indexes again (files already
     * committed are recognised by their hash). A batch whose commit fails is reported as failed
     * ({@link FailureReason#NOT_COMMITTED}).
     *
     * @throws IllegalStateException when the index holds vectors and this ingestion has no
     *     embedder, or one of another model or dimension: a configuration error, raised before any
     *     file is read
     * @throws fr.capsules.ingest.index.IndexClosedException when the index is closed during the run (the
     *     service stops): the run ends there, its uncommitted batch is lost as in a crash
     */
    public List<IngestionResult> ingestAll(List<SourceFile> files, CapsuleIndex index) {
        return run(files, index, null, List.of(), result -> {});
    }

    /**
     * As {@link #ingestAll(List, CapsuleIndex)}, with the capsule's pseudonymisation run on each
     * file's normalised text before it is chunked (see {@link IngestionPipeline}).
     *
     * @param pseudonymising null for a capsule that is not pseudonymised
     * @param beforeIndexing stages of the caller's run just before the index (see {@link
     *     #ingestAll(List, CapsuleIndex, IngestionStage)}), possibly none
     */
    public List<IngestionResult> ingestAll(List<SourceFile> files, CapsuleIndex index, PseudonymiseText pseudonymising,
            List<IngestionStage> beforeIndexing) {
        return run(files, index, pseudonymising, List.copyOf(beforeIndexing), result -> {});
    }

    /**
     * As {@link #ingestAll(List, CapsuleIndex)}, telling {@code settled} of each result, in order,
     * once it is final: an indexed file once its batch is committed, any other at once. For
     * progress reports.
     */
    public List<IngestionResult> ingestAllWithProgress(
            List<SourceFile> files, CapsuleIndex index, Consumer<IngestionResult> settled) {
        return run(files, index, null, List.of(), settled);
    }

    /**
     * As {@link #ingestAll(List, CapsuleIndex)}, with a stage of the caller's run on each file
     * just before it is written to the index (see {@link IngestionPipeline}); a file it ends is
     * not indexed.
     */
    public List<IngestionResult> ingestAll(List<SourceFile> files, CapsuleIndex index, IngestionStage beforeIndexing) {
        return run(files, index, null, List.of(beforeIndexing), result -> {});
    }

    /**
     * Ingests one file and commits it when indexed. Never throws for a bad file.
     *
     * @throws IllegalStateException as {@link #ingestAll(List, CapsuleIndex)}
     */
    public IngestionResult ingest(SourceFile file, CapsuleIndex index) {
        return ingestAll(List.of(file), index).get(0);
    }

    private List<IngestionResult> run(List<SourceFile> files, CapsuleIndex index, PseudonymiseText pseudonymising,
            List<IngestionStage> beforeIndexing, Consumer<IngestionResult> settled) {
        IngestionPipeline pipeline = IngestionPipeline.of(
                settings, parsing, index, embeddingFor(index.info()), pseudonymising, beforeIndexing);
        List<IngestionResult> results = new ArrayList<>(files.size());
        List<Integer> pending = new ArrayList<>();
        long pendingBytes = 0;
        long lastCommit = System.nanoTime();
        int told = 0;
        for (SourceFile file : files) {
            IngestionResult result = pipeline.run(file);
            results.add(result);
            if (result.status() == IngestionStatus.INDEXED) {
                pending.add(results.size() - 1);
                pendingBytes += file.size();
            }
            if (commitRule.due(pending.size(), pendingBytes, System.nanoTime() - lastCommit)) {
                commit(index, results, pending);
                pendingBytes = 0;
                lastCommit = System.nanoTime();
            }
            if (pending.isEmpty()) {
                told = tell(results, told, settled);
            }
        }
        commit(index, results, pending);
        tell(results, told, settled);
        return results;
    }

    private static int tell(List<IngestionResult> results, int from, Consumer<IngestionResult> settled) {
        results.subList(from, results.size()).forEach(settled);
        return results.size();
    }

    private static void commit(CapsuleIndex index, List<IngestionResult> results, List<Integer> pending) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            log.error("Commit of {} indexed file(s) failed", pending.size(), e);
            for (int i : pending) {
                results.set(i, IngestionResult.failed(results.get(i).file(), FailureReason.NOT_COMMITTED,
                        StorageErrors.diskFull(e)
                                ? StorageErrors.describe(e, "")
                                : "l'index n'a pas pu être enregistré sur le disque (" + e.getMessage() + ") ; réessayez"));
            }
        }
        pending.clear();
    }

    /** Null for a lexical index; refuses an index this ingestion cannot feed vectors to. */
    private PassageEmbedding embeddingFor(IndexInfo info) {
        if (!info.hasVectors()) {
            return null;
        }
        if (embedder == null) {
            throw new IllegalStateException(
                    "the index holds vectors of '%s' but this ingestion has no embedder"
                            .formatted(info.embeddingModel()));
        }
        if (!embedder.model().equals(info.embeddingModel())
                || embedder.dimension() != info.embeddingDimension()) {
            throw new IllegalStateException(
                    "the index holds vectors of '%s' (dimension %d) but the embedder is '%s' (dimension %d)"
                            .formatted(info.embeddingModel(), info.embeddingDimension(), embedder.model(),
                                    embedder.dimension()));
        }
        return new PassageEmbedding(embedder);
    }

    @Override
    public void close() {
        parsing.close();
    }
}
