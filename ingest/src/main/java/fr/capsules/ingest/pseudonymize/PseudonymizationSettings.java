package fr.capsules.ingest.pseudonymize;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a capsule pseudonymises.
 *
 * @param categories the categories replaced; by default all but {@link Category#ESTABLISHMENT}.
 *     A category switched off is still detected, so its spans are not taken by another rule (an
 *     e-mail address is never read as a name), but it is left as written
 * @param keptTerms terms never replaced, compared on letters and digits only, whatever the case,
 *     accents, spaces or punctuation: a detection whose text is a kept term is left as written, and
 *     so is a person whose surname or full name is one (a public official signing reports, a
 *     service's functional e-mail address, a hospital named after a person)
 */
public record PseudonymizationSettings(Set<Category> categories, List<String> keptTerms) {

    public PseudonymizationSettings {
        categories = categories == null || categories.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(categories));
        keptTerms = keptTerms == null ? List.of() : List.copyOf(keptTerms);
        for (String term : keptTerms) {
            if (term == null || Folding.alphanumeric(term).isEmpty()) {
                throw new IllegalArgumentException("un terme conservé doit contenir des lettres ou des chiffres");
            }
        }
    }

    /** Every category but establishments, no kept term. */
    public static PseudonymizationSettings defaults() {
        return new PseudonymizationSettings(EnumSet.complementOf(EnumSet.of(Category.ESTABLISHMENT)), List.of());
    }

    public boolean replaces(Category category) {
        return categories.contains(category);
    }

    /** These settings with {@code terms} kept as written. */
    public PseudonymizationSettings keeping(Collection<String> terms) {
        return new PseudonymizationSettings(categories, terms == null ? List.of() : List.copyOf(terms));
    }

    /** These settings with the categories replaced set to {@code replaced}. */
    public PseudonymizationSettings replacing(Set<Category> replaced) {
        return new PseudonymizationSettings(replaced, keptTerms);
    }

    Set<String> foldedKeptTerms() {
        return keptTerms.stream().map(Folding::alphanumeric).collect(Collectors.toUnmodifiableSet());
    }
}
