package fr.capsules.app.ask.grounding;

import java.util.Set;

/** How much of a sentence's terms another text holds. Stateless. */
final class Overlap {

    private Overlap() {}

    /** The number of terms of {@code terms} found in {@code in}. */
    static int shared(Set<String> terms, Set<String> in) {
        int shared = 0;
        for (String term : terms) {
            if (in.contains(term)) {
                shared++;
            }
        }
        return shared;
    }

    /** The share of {@code terms} found in {@code in}, between 0 and 1; 0 for no terms. */
    static double coverage(Set<String> terms, Set<String> in) {
        return terms.isEmpty() ? 0 : (double) shared(terms, in) / terms.size();
    }
}
