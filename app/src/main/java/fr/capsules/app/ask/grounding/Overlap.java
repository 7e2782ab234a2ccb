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

    /**
     * The number of terms of {@code terms} found in {@code in}, or derived from one of them: a term and a term of
     * {@code in} that share their first {@value #DERIVED_PREFIX} letters are one word in two forms the stemmer keeps
     * apart ("justifier" / "justifient", "qualifie" / "qualification", "juridiquement" / "juridique").
     */
    static int sharedOrDerived(Set<String> terms, Set<String> in) {
        Set<String> prefixes = new java.util.HashSet<>();
        for (String term : in) {
            if (term.length() >= DERIVED_PREFIX) {
                prefixes.add(term.substring(0, DERIVED_PREFIX));
            }
        }
        int shared = 0;
        for (String term : terms) {
            if (in.contains(term) || (term.length() >= DERIVED_PREFIX && prefixes.contains(term.substring(0, DERIVED_PREFIX)))) {
                shared++;
            }
        }
        return shared;
    }

    /** Letters two terms must share at their start to count as forms of one word in {@link #sharedOrDerived}. */
    static final int DERIVED_PREFIX = 6;

    /** The share of {@code terms} found in {@code in}, between 0 and 1; 0 for no terms. */
    static double coverage(Set<String> terms, Set<String> in) {
        return terms.isEmpty() ? 0 : (double) shared(terms, in) / terms.size();
    }
}
