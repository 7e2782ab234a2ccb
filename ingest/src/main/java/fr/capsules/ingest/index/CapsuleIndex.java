package fr.capsules.ingest.index;

import fr.capsules.ingest.chunk.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The index of one capsule, as the service needs it: its documents, their passages, and search
 * over them. This is the port every caller uses (ingestion, the service, the command line); the
 * embedded Lucene index is one implementation ({@code index.lucene}), a distributed engine would
 * be another. Its types name documents and passages, never an engine's classes.
 *
 * <p><b>Scope.</b> One instance holds exactly one capsule's documents, so a search can only ever
 * return passages of that capsule: the scope of a search is the index it is asked of.
 *
 * <p><b>Vectors.</b> An index holds a vector for every passage or for none; which one, and from
 * which embedding model, is fixed at creation and told by {@link #info()}. Passages of an index
 * with vectors are added with their vectors ({@link #add(DocumentRecord, List, List)}).
 *
 * <p><b>Visibility.</b> Changes ({@code add}, {@link #delete}) become visible to reads and durable
 * only at {@link #commit}, all together; closing without committing, or a crash, discards them.
 * Reads (search, lookups, listings) see the last commit. The one exception is duplicate detection
 * ({@link #findByFileHash}, {@link #findByContentHash}), which also sees this instance's
 * uncommitted changes, so that a batch of files detects duplicates within itself.
 *
 * <p><b>Threads.</b> All methods are thread-safe; writes are serialised, reads run concurrently
 * with each other and with writes. After {@link #close}, methods throw {@link
 * IndexClosedException}.
 *
 * <p><b>Nulls.</b> No argument may be null unless said so; no result is null.
 */
public interface CapsuleIndex extends Closeable {

    /**
     * Adds a document and its passages to an index without vectors, replacing any document with
     * the same id. Visible after {@link #commit}.
     *
     * @throws IllegalArgumentException when {@code document.chunks()} is not the number of passages
     * @throws IllegalStateException when this index holds vectors: every passage of it needs one
     */
    void add(DocumentRecord document, List<Passage> passages) throws IOException;

    /**
     * What every implementation of {@link #add} checks first: a document, and exactly as many passages as
     * it declares chunks.
     *
     * @throws IllegalArgumentException when {@code document.chunks()} is not the number of passages
     */
    static void checkPassages(DocumentRecord document, List<Passage> passages) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(passages, "passages");
        if (document.chunks() != passages.size()) {
            throw new IllegalArgumentException(
                    "document %s declares %d chunks but %d passages were given"
                            .formatted(document.documentId(), document.chunks(), passages.size()));
        }
    }

    /**
     * Adds a document, its passages and one vector per passage (same order) to an index with
     * vectors, replacing any document with the same id. A refused call changes nothing. Visible
     * after {@link #commit}.
     *
     * @param vectors from the index's embedding model ({@link #info()}), one per passage, each of
     *     its dimension, finite and not zero; not necessarily of unit length
     * @throws IllegalArgumentException when {@code document.chunks()} is not the number of
     *     passages, the number of vectors differs from it, or a vector is unusable
     * @throws IllegalStateException when this index holds no vectors
     */
    void add(DocumentRecord document, List<Passage> passages, List<float[]> vectors) throws IOException;

    /** Deletes a document and its passages; an unknown id is ignored. Visible after {@link #commit}. */
    void delete(String documentId) throws IOException;

    /** Makes every change since the last commit durable and visible to reads, atomically. */
    void commit() throws IOException;

    /**
     * The best committed passages for a natural-language question, best first, by lexical
     * relevance alone. Works on every index, with or without vectors. A question made only of stop
     * words ("Comment est-ce ?") matches nothing and returns an empty list.
     *
     * @param topK how many passages at most, 1..1000
     * @throws IllegalArgumentException when the query is blank or topK out of range
     */
    default List<PassageHit> search(String query, int topK) throws IOException {
        return search(query, null, topK);
    }

    /**
     * The best committed passages for a question, fusing lexical relevance with the passages
     * nearest to {@code queryVector} by rank; {@link PassageHit#score()} is then the fused score,
     * and {@link PassageHit#queryCoverage()} still the lexical share of question terms, so a
     * passage found by its meaning alone may have a low coverage.
     *
     * <p>With a null {@code queryVector} this is exactly {@link #search(String, int)}: when the
     * embedding model is unavailable, callers pass null and get lexical results rather than an
     * error. A question of stop words alone is answered by the vectors only.
     *
     * @param queryVector the question's vector from the index's embedding model, or null
     * @param topK how many passages at most, 1..1000
     * @throws IllegalArgumentException when the query is blank, topK out of range, or the vector
     *     of the wrong dimension, zero or not finite
     * @throws IllegalStateException when a vector is given to an index without vectors
     */
    List<PassageHit> search(String query, float[] queryVector, int topK) throws IOException;

    /**
     * {@link #search(String, float[], int)}, telling as well whether every part of the index
     * answered ({@link SearchResult#complete()}): a distributed index that lost a shard answers
     * from the others rather than not at all. The embedded index is always complete.
     */
    default SearchResult searchReporting(String query, float[] queryVector, int topK) throws IOException {
        return new SearchResult(search(query, queryVector, topK), true);
    }

    /** The committed record of {@code documentId}, if any. */
    Optional<DocumentRecord> document(String documentId) throws IOException;

    /**
     * Every committed passage of a document, in document order (by the rank in its passage id),
     * with score and coverage 0; empty for an unknown document. For showing a cited passage with
     * its neighbours, or a document's text at a section.
     */
    List<PassageHit> passages(String documentId) throws IOException;

    /** A document whose file bytes have this SHA-256, including uncommitted additions. */
    Optional<DocumentRecord> findByFileHash(String sha256) throws IOException;

    /** A document whose normalised text has this hash, including uncommitted additions. */
    Optional<DocumentRecord> findByContentHash(String contentHash) throws IOException;

    /** Every committed document, sorted by file then id. */
    List<DocumentRecord> documents() throws IOException;

    /** Number of committed passages. */
    int passageCount() throws IOException;

    /** How this index was built: schema, analysis, embedding model and dimension. */
    IndexInfo info();

    /** Discards uncommitted changes and releases files, connections and locks. Idempotent. */
    @Override
    void close() throws IOException;
}
