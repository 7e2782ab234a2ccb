package fr.capsules.ingest.index;

import java.util.List;

/**
 * The port through which a capsule index gets passage and question vectors; the service plugs
 * its embedding model in here, so that this module knows no model provider.
 *
 * <p><b>Vectors.</b> {@link #embed} returns one vector per text, in the order of the texts, each
 * of {@link #dimension()} finite components. Vectors should be L2-normalised (unit length);
 * the Lucene {@link CapsuleIndex} normalises them again anyway, because it compares them by dot
 * product and a provider that forgets to normalise would otherwise skew the ranking silently.
 *
 * <p><b>Identity.</b> {@link #model()} and {@link #dimension()} are recorded in the index (see
 * {@link IndexSettings#of(Embedder)}); an index built by one model refuses to open with another,
 * since vectors of two models are not comparable. They must not change over the instance's life.
 *
 * <p><b>Threads.</b> Implementations must be thread-safe: ingestion and searches of several
 * capsules may call them concurrently.
 *
 * <p><b>Failures.</b> When the model is unavailable (server down, time-out, malformed answer),
 * {@link #embed} throws {@link EmbeddingException}; it never returns a partial result.
 * Implementations bound their own waiting time: callers add no time-out of their own.
 */
public interface Embedder {

    /** Name of the model, as recorded in the index (e.g. "bge-m3"); non-blank. */
    String model();

    /** Number of components of every vector; positive. */
    int dimension();

    /**
     * One vector per text, in order.
     *
     * @param texts non-empty texts, neither the list nor an element null; callers keep batches
     *     small (a few dozen texts)
     * @return a list of the same size as {@code texts}; never null
     * @throws EmbeddingException when the model is unavailable or answers something unusable
     */
    List<float[]> embed(List<String> texts);
}
