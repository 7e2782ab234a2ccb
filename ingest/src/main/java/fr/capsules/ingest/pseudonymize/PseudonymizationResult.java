package fr.capsules.ingest.pseudonymize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A pseudonymised text and what was replaced in it.
 *
 * @param text the text with every replacement made
 * @param replacements in text order, offsets in the original text
 * @param counts replacements per category (categories with none are absent)
 */
public record PseudonymizationResult(String text, List<Replacement> replacements, Map<Category, Integer> counts) {

    public PseudonymizationResult {
        replacements = List.copyOf(replacements);
        Map<Category, Integer> copy = new EnumMap<>(Category.class);
        copy.putAll(counts);
        counts = Collections.unmodifiableMap(copy);
    }

    static PseudonymizationResult of(String text, List<Replacement> replacements) {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        replacements.forEach(r -> counts.merge(r.category(), 1, Integer::sum));
        return new PseudonymizationResult(text, replacements, counts);
    }

    /** Replacements of {@code category}. */
    public int count(Category category) {
        return counts.getOrDefault(category, 0);
    }

    /**
     * The French line for a file's report: "Pseudonymisation : 2 NIR, 5 personnes, 1 téléphone
     * remplacés." or "Pseudonymisation : aucune donnée personnelle détectée."
     */
    public String summary() {
        if (counts.isEmpty()) {
            return "Pseudonymisation : aucune donnée personnelle détectée.";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((category, n) -> parts.add(category.count(n)));
        int total = replacements.size();
        return "Pseudonymisation : " + String.join(", ", parts) + (total > 1 ? " remplacés." : " remplacé.");
    }
}
