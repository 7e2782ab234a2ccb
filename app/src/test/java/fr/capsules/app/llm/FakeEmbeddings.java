package fr.capsules.app.llm;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic embeddings that behave enough like a real model for retrieval tests: texts sharing
 * words (ignoring case and accents: "Vaccination" and "vaccinations" share trigrams, "été" is "ete")
 * get a high cosine similarity, unrelated texts a similarity near zero.
 *
 * <p>Feature hashing: each word token, and with less weight each character trigram of a word, adds
 * ±weight to one coordinate chosen by a 64-bit FNV-1a hash; the vector is then L2-normalised. A text
 * without any word (empty, punctuation only) gets the first unit vector, still a valid embedding.
 * Stateless and thread-safe; tests may use it to compute the vector the server will return.
 */
public final class FakeEmbeddings {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final double WORD_WEIGHT = 1.0;
    private static final double TRIGRAM_WEIGHT = 0.35;

    private final int dimension;

    /** Embeddings of {@code dimension} floats; at least 1. */
    public FakeEmbeddings(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dimension = dimension;
    }

    public int dimension() {
        return dimension;
    }

    /** The unit vector of {@code text}; the same text always gives the same vector. */
    public float[] embed(String text) {
        double[] sums = new double[dimension];
        String folded = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String word : NON_WORD.split(folded)) {
            if (word.isEmpty()) {
                continue;
            }
            add(sums, "w:" + word, WORD_WEIGHT);
            String padded = "#" + word + "#";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(sums, "t:" + padded.substring(i, i + 3), TRIGRAM_WEIGHT);
            }
        }
        return normalised(sums);
    }

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    private void add(double[] sums, String feature, double weight) {
        long hash = fnv1a(feature);
        int index = (int) Math.floorMod(hash, (long) dimension);
        // An independent bit picks the sign, so colliding features cancel out on average
        // instead of inflating the similarity of unrelated texts.
        sums[index] += ((hash >>> 40) & 1) == 0 ? weight : -weight;
    }

    private float[] normalised(double[] sums) {
        double norm = 0;
        for (double value : sums) {
            norm += value * value;
        }
        float[] vector = new float[dimension];
        if (norm == 0) {
            vector[0] = 1f;
            return vector;
        }
        double length = Math.sqrt(norm);
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) (sums[i] / length);
        }
        return vector;
    }

    private static long fnv1a(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
