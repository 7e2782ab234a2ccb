package fr.capsules.ingest.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for an embedding model, for tests only: it has no notion of meaning
 * beyond a small synonym table, which is exactly what lets a test write a paraphrase that BM25
 * misses and "vector search" finds.
 *
 * <p>Each text becomes a bag of features: its words, lower-cased, accent-folded, without a final
 * plural "s" or "x", French stop words and words of fewer than three letters dropped, and every
 * word of a synonym group replaced by the group's name. Each feature adds 1 to the component its
 * {@link String#hashCode()} selects (stable across JVMs), and the vector is normalised. Texts
 * without any feature get a fixed unit vector, never a zero one.
 *
 * <p>{@link #failing} simulates a model that is down. Thread-safe.
 */
public final class SynonymHashingEmbedder implements Embedder {

    /** Words a test treats as meaning the same, by group name. */
    static final Map<String, Set<String>> SYNONYMS =
            Map.of(
                    "COMPLAINT", Set.of("plainte", "reclamation", "doleance"),
                    "DURATION", Set.of("delai", "temps", "duree"),
                    "ELDERLY_HOME", Set.of("ehpad", "maison", "retraite"));

    private static final Set<String> STOP_WORDS =
            Set.of("les", "des", "une", "pour", "est", "par", "sur", "dans", "aux", "qui", "que",
                    "quel", "quelle", "combien", "faut", "comment", "avec", "sont", "leur", "leurs",
                    "sa", "son", "ses", "mon", "mes", "cette", "tout", "toute");

    private final String model;
    private final int dimension;
    private final boolean failing;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    private SynonymHashingEmbedder(String model, int dimension, boolean failing) {
        this.model = model;
        this.dimension = dimension;
        this.failing = failing;
    }

    /** The usual test model: "test-hashing", 64 dimensions. */
    public static SynonymHashingEmbedder create() {
        return new SynonymHashingEmbedder("test-hashing", 64, false);
    }

    public static SynonymHashingEmbedder create(String model, int dimension) {
        return new SynonymHashingEmbedder(model, dimension, false);
    }

    /** The same model, unavailable: every call throws {@link EmbeddingException}. */
    public static SynonymHashingEmbedder failing() {
        return new SynonymHashingEmbedder("test-hashing", 64, true);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        calls.incrementAndGet();
        batchSizes.add(texts.size());
        if (failing) {
            throw new EmbeddingException("connexion refusée par le serveur du modèle");
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(vector(text));
        }
        return vectors;
    }

    /** The vector of one text, as {@link #embed} computes it. */
    public float[] vector(String text) {
        float[] vector = new float[dimension];
        for (String feature : features(text)) {
            vector[Math.floorMod(feature.hashCode(), dimension)] += 1;
        }
        double norm = 0;
        for (float component : vector) {
            norm += component * component;
        }
        if (norm == 0) {
            vector[0] = 1;
            return vector;
        }
        for (int i = 0; i < dimension; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    static List<String> features(String text) {
        String folded =
                Normalizer.normalize(text, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "")
                        .toLowerCase(Locale.ROOT);
        List<String> features = new ArrayList<>();
        for (String word : folded.split("[^a-z]+")) {
            if (word.length() > 3 && (word.endsWith("s") || word.endsWith("x"))) {
                word = word.substring(0, word.length() - 1);
            }
            if (word.length() < 3 || STOP_WORDS.contains(word)) {
                continue;
            }
            features.add(canonical(word));
        }
        return features;
    }

    private static String canonical(String word) {
        for (Map.Entry<String, Set<String>> group : SYNONYMS.entrySet()) {
            if (group.getValue().contains(word)) {
                return group.getKey();
            }
        }
        return word;
    }

    /** How many times {@link #embed} was called. */
    public int calls() {
        return calls.get();
    }

    /** The number of texts of each call, in order. */
    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }
}
