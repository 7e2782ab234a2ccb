package fr.capsules.ingest.pipeline;

import fr.capsules.ingest.chunk.Passage;
import fr.capsules.ingest.index.Embedder;
import fr.capsules.ingest.index.EmbeddingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an {@link Embedder} for the vectors of one document's passages, in batches, and returns
 * all of them or throws: a document is never indexed with part of its vectors.
 *
 * <p>One instance serves one ingestion run and is not thread-safe. After the model has failed
 * once, later documents of the same run fail at once with the same cause instead of each waiting
 * for the model's time-out: a start-up run over hundreds of files must not take hours to report
 * that the model is down.
 *
 * <p>What is embedded is the passage as a reader meets it: the document title and the headings
 * above the passage, then its text. A passage such as "Le délai est de deux mois." means little
 * without the heading "Réclamations" above it, and the lexical side already scores titles and
 * headings (BM25F), so the vector side sees them too.
 */
final class PassageEmbedding {

    /** Texts per call: large enough to amortise a round trip, small enough for a time-out. */
    static final int BATCH = 32;

    private final Embedder embedder;
    private EmbeddingException failure;

    PassageEmbedding(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * One vector per passage, in order.
     *
     * @throws EmbeddingException when the model fails or answers with the wrong number of vectors
     *     or a vector of the wrong dimension (the index would refuse them)
     */
    List<float[]> vectors(String title, List<Passage> passages) {
        if (failure != null) {
            throw failure;
        }
        try {
            return embed(title, passages);
        } catch (EmbeddingException e) {
            failure = e;
            throw e;
        }
    }

    private List<float[]> embed(String title, List<Passage> passages) {
        List<float[]> vectors = new ArrayList<>(passages.size());
        for (int from = 0; from < passages.size(); from += BATCH) {
            List<String> texts =
                    passages.subList(from, Math.min(from + BATCH, passages.size())).stream()
                            .map(p -> input(title, p))
                            .toList();
            List<float[]> batch = embedder.embed(texts);
            if (batch == null || batch.size() != texts.size()) {
                throw new EmbeddingException(
                        "réponse incomplète (%d vecteurs pour %d passages)"
                                .formatted(batch == null ? 0 : batch.size(), texts.size()));
            }
            for (float[] vector : batch) {
                if (vector == null || vector.length != embedder.dimension()) {
                    throw new EmbeddingException(
                            "vecteur de dimension %d au lieu de %d"
                                    .formatted(
                                            vector == null ? 0 : vector.length,
                                            embedder.dimension()));
                }
            }
            vectors.addAll(batch);
        }
        return vectors;
    }

    static String input(String title, Passage passage) {
        StringBuilder text = new StringBuilder();
        if (!title.isBlank()) {
            text.append(title).append('\n');
        }
        if (!passage.headingPath().isEmpty()) {
            text.append(String.join(" > ", passage.headingPath())).append('\n');
        }
        return text.append(passage.text()).toString();
    }
}
