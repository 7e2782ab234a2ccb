package fr.capsules.ingest;

import fr.capsules.ingest.chunk.Chunker;
import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.CapsuleIndex;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.EmbeddingException;
import fr.capsules.ingest.index.IndexInfo;
import fr.capsules.ingest.normalize.DateExtractor;
import fr.capsules.ingest.normalize.ExtractedDate;
import fr.capsules.ingest.normalize.TitleExtractor;
import fr.capsules.ingest.parse.DocumentRejectedException;
import fr.capsules.ingest.parse.ParseContext;
import fr.capsules.ingest.parse.ParseTimeoutException;
import fr.capsules.ingest.parse.ParsedDocument;
import fr.capsules.ingest.parse.Parsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns files into indexed documents of one capsule: size check, parsing under a time and memory
 * bound, normalisation, title and date, structural chunking, duplicate detection, one atomic
 * commit per file. Every file offered gets one {@link IngestionResult}; one bad file never stops
 * the others. Thread-safe; callers serialise writes to one index.
 *
 * <p><b>Vectors.</b> When the index holds vectors ({@link IndexInfo#hasVectors()}), each
 * document's passages are embedded with the {@link Embedder} before anything is added; if the
 * model fails, the file is reported {@link IngestionStatus#FAILED} and nothing of it is indexed,
 * so no document is ever half vectorised. Within one {@link #ingestAll} run, files after such a
 * failure fail at once with the same reason rather than wait for the model again.
 */
public final class Ingestion implements AutoCloseable {

    /** How a result failed for want of the embedding model starts: such a failure is not the file's fault. */
    public static final String EMBEDDINGS_UNAVAILABLE = "le modèle d'embeddings ne répond pas";

    private static final Logger log = LoggerFactory.getLogger(Ingestion.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final IngestionSettings settings;
    private final Embedder embedder; // null: lexical indexes only
    private final Parsers parsers = new Parsers();
    private final Chunker chunker = new Chunker();
    private final TitleExtractor titles = new TitleExtractor();
    private final DateExtractor dates = new DateExtractor();
    // Parsing runs on its own threads so that a file over its time limit can be abandoned.
    private final ExecutorService parsing =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "capsules-parse-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });

    /** Ingestion into lexical indexes only (an index with vectors is refused, see below). */
    public Ingestion(IngestionSettings settings) {
        this(settings, null);
    }

    /**
     * @param embedder the model that produced the vectors of the indexes this ingestion will
     *     write to, or null when every index is lexical
     */
    public Ingestion(IngestionSettings settings, Embedder embedder) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.embedder = embedder;
    }

    public IngestionSettings settings() {
        return settings;
    }

    /** Files indexed between two commits in {@link #ingestAll}. */
    static final int COMMIT_EVERY = 32;

    /**
     * Ingests the files in order, committing every {@value #COMMIT_EVERY} indexed files and at the
     * end: a crash loses at most the uncommitted batch, which a re-run indexes again (files already
     * committed are recognised by their hash). A batch whose commit fails is reported as failed.
     *
     * @throws IllegalStateException when the index holds vectors and this ingestion has no
     *     embedder, or one of another model or dimension: a configuration error, raised before any
     *     file is read
     */
    public List<IngestionResult> ingestAll(List<SourceFile> files, CapsuleIndex index) {
        PassageEmbedding embedding = embeddingFor(index.info());
        List<IngestionResult> results = new ArrayList<>(files.size());
        List<Integer> pending = new ArrayList<>();
        for (SourceFile file : files) {
            IngestionResult result = add(file, index, embedding);
            results.add(result);
            if (result.status() == IngestionStatus.INDEXED) {
                pending.add(results.size() - 1);
            }
            if (pending.size() >= COMMIT_EVERY) {
                commit(index, results, pending);
            }
        }
        commit(index, results, pending);
        return results;
    }

    /**
     * Ingests one file and commits it when indexed. Never throws for a bad file.
     *
     * @throws IllegalStateException as {@link #ingestAll}
     */
    public IngestionResult ingest(SourceFile file, CapsuleIndex index) {
        return ingestAll(List.of(file), index).get(0);
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
                results.set(i, IngestionResult.failed(results.get(i).file(),
                        "l'index n'a pas pu être enregistré sur le disque (" + e.getMessage() + ") ; réessayez"));
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

    /**
     * Adds one file to the index without committing. Never throws for a bad file.
     *
     * @param embedding null for a lexical index
     */
    private IngestionResult add(SourceFile file, CapsuleIndex index, PassageEmbedding embedding) {
        String name = file.name().value();
        try {
            Prepared prepared = prepare(file, index);
            if (prepared.result() != null) {
                return prepared.result();
            }
            DocumentRecord record = prepared.record();
            if (embedding == null) {
                index.add(record, prepared.passages());
            } else {
                List<float[]> vectors;
                try {
                    vectors = embedding.vectors(record, prepared.passages());
                } catch (EmbeddingException e) {
                    log.warn("Embedding {} failed: {}", name, e.toString());
                    return IngestionResult.failed(name, EMBEDDINGS_UNAVAILABLE + " : " + describe(e)
                            + " ; réessayez quand il sera disponible");
                }
                index.add(record, prepared.passages(), vectors);
            }
            return new IngestionResult(
                    name, IngestionStatus.INDEXED, record.documentId(), record.title(), record.pages(), record.chunks(),
                    record.warnings(), null);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Ingestion of {} failed on I/O", name, e);
            return IngestionResult.failed(name, "erreur d'entrée/sortie pendant l'indexation : " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Ingestion of {} failed", name, e);
            return IngestionResult.failed(name, "erreur inattendue pendant l'indexation ; le fichier n'a pas été indexé");
        }
    }

    /**
     * Everything up to, not including, writing to the index: either a finished result (rejected,
     * failed, duplicate) or the record and passages to add.
     */
    Prepared prepare(SourceFile file, CapsuleIndex index) throws IOException {
        String name = file.name().value();
        if (file.size() == 0) {
            return Prepared.done(IngestionResult.rejected(name, "fichier vide (0 octet)"));
        }
        if (file.size() > settings.maxFileBytes()) {
            return Prepared.done(
                    IngestionResult.rejected(
                            name,
                            "fichier trop volumineux (" + megabytes(file.size()) + " ; limite " + megabytes(settings.maxFileBytes())
                                    + " par fichier)"));
        }
        byte[] bytes = readBounded(file);
        String sha256 = sha256(bytes);
        Optional<DocumentRecord> sameFile = index.findByFileHash(sha256);
        if (sameFile.isPresent()) {
            return Prepared.done(duplicate(name, sameFile.get(), "fichier identique"));
        }
        ParsedDocument parsed;
        try {
            parsed = parse(file.name(), bytes);
        } catch (DocumentRejectedException e) {
            return Prepared.done(IngestionResult.rejected(name, e.getMessage()));
        } catch (ParseTimeoutException e) {
            return Prepared.done(IngestionResult.failed(name, e.getMessage()));
        } catch (ParseFailure e) {
            return Prepared.done(IngestionResult.failed(name, e.getMessage()));
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        List<Passage> passages = chunker.chunk(parsed, settings.chunking());
        if (passages.isEmpty()) {
            String reason =
                    parsed.pageCount() > 0
                            ? "aucun texte lisible : document probablement numérisé (sans couche texte), à passer à l'OCR"
                                    + " avant de le déposer"
                            : "aucun texte exploitable dans ce fichier";
            return Prepared.done(
                    new IngestionResult(name, IngestionStatus.REJECTED, null, null, parsed.pageCount(), 0, warnings, reason));
        }
        String contentHash = contentHash(passages);
        Optional<DocumentRecord> sameContent = index.findByContentHash(contentHash);
        if (sameContent.isPresent()) {
            return Prepared.done(duplicate(name, sameContent.get(), "même contenu"));
        }
        String title = titles.title(file.name().fileName(), parsed);
        // A date written in the file name was put there on purpose: it names the document.
        Optional<ExtractedDate> date = dates.extract(file.name().fileName()).stream()
                .filter(d -> !d.ambiguous())
                .findFirst()
                .or(() -> dates.documentDate(parsed));
        date.filter(ExtractedDate::ambiguous).ifPresent(d -> warnings.add(DateExtractor.describe(d)));
        DocumentRecord record =
                new DocumentRecord(
                        sha256.substring(0, 20),
                        name,
                        title,
                        date.map(ExtractedDate::iso).orElse(null),
                        parsed.pageCount(),
                        passages.size(),
                        sha256,
                        contentHash,
                        parsed.format().name().toLowerCase(Locale.ROOT),
                        warnings,
                        Instant.now());
        return new Prepared(null, record, passages);
    }

    private ParsedDocument parse(SourceName name, byte[] bytes) {
        ParseContext context = new ParseContext(settings.parseLimits());
        Future<ParsedDocument> future = parsing.submit(() -> parsers.parse(name.fileName(), bytes, context));
        try {
            // A little grace beyond the cooperative deadline, for the parser to notice it.
            return future.get(settings.parseLimits().timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ParseTimeoutException(settings.parseLimits().timeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ParseFailure("indexation interrompue");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DocumentRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof ParseTimeoutException timeout) {
                throw timeout;
            }
            if (cause instanceof OutOfMemoryError) {
                throw new ParseFailure("fichier trop gourmand en mémoire pour être analysé (limite de mémoire par fichier)");
            }
            log.info("Parsing {} failed: {}", name, cause.toString());
            throw new ParseFailure(describeFailure(cause));
        }
    }

    private static String describe(EmbeddingException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "aucune réponse exploitable";
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private static String describeFailure(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank() || message.length() > 300) {
            return "fichier illisible ou endommagé : il n'a pas pu être analysé";
        }
        return "fichier illisible ou endommagé : " + message;
    }

    private byte[] readBounded(SourceFile file) throws IOException {
        try (InputStream in = file.content().open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxFileBytes() + 1));
            if (bytes.length > settings.maxFileBytes()) {
                throw new IOException("le fichier dépasse la taille annoncée");
            }
            return bytes;
        }
    }

    private static IngestionResult duplicate(String name, DocumentRecord existing, String how) {
        return new IngestionResult(
                name, IngestionStatus.DUPLICATE, existing.documentId(), existing.title(), existing.pages(), existing.chunks(),
                List.of(how + " à « " + existing.file() + " », déjà dans la capsule"), null);
    }

    static String contentHash(List<Passage> passages) {
        StringBuilder all = new StringBuilder();
        passages.forEach(p -> all.append(p.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip()).append('\n'));
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        parsing.shutdownNow();
    }

    record Prepared(IngestionResult result, DocumentRecord record, List<Passage> passages) {
        static Prepared done(IngestionResult result) {
            return new Prepared(result, null, null);
        }
    }

    /** A parser failed on a broken file; the message is for the person who gave it. */
    static final class ParseFailure extends RuntimeException {
        ParseFailure(String message) {
            super(message);
        }
    }
}
