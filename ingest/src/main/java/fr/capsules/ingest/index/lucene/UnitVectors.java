package fr.capsules.ingest.index.lucene;

import fr.capsules.ingest.index.Embedder;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;

/**
 * Checks a vector from an {@link Embedder} and brings it to unit length, on a copy.
 *
 * <p>The index compares vectors with {@link IndexSchema#VECTOR_SIMILARITY} (dot product), which
 * equals the cosine only between unit vectors; normalising here, once per stored vector and once
 * per question, is what makes that hold whatever the provider sends.
 */
final class UnitVectors {

    private UnitVectors() {}

    /**
     * A normalised copy of {@code vector}; the argument is left untouched, since callers may
     * reuse their arrays.
     *
     * @param what names the vector in error messages ("passage 3", "query")
     * @throws IllegalArgumentException when the dimension differs from {@code dimension}, a
     *     component is not finite, or the vector is zero (it has no direction to compare)
     */
    static float[] normalised(float[] vector, int dimension, String what) {
        Objects.requireNonNull(vector, what + " vector");
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "%s vector has %d dimensions, the index expects %d"
                            .formatted(what, vector.length, dimension));
        }
        double squares = 0;
        for (float component : vector) {
            if (!Float.isFinite(component)) {
                throw new IllegalArgumentException(what + " vector has a non-finite component");
            }
            squares += (double) component * component;
        }
        if (squares == 0) {
            throw new IllegalArgumentException(what + " vector is zero and has no direction");
        }
        return VectorUtil.l2normalize(vector.clone());
    }
}
