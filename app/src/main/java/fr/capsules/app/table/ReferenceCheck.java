package fr.capsules.app.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Regulation articles proposed in a row must come from the passages it cites: "article L.311-3",
 * "L. 311-3", "art. D312-155-0", "R.4311-7" are recognised and compared without spaces, dots or
 * case; an article that appears in none of the cited passages is reported, never silently kept.
 */
final class ReferenceCheck {

    private ReferenceCheck() {}

    /** Article codes found in a text, normalised ("L311-3"): {@link LegalReferences#articles}. */
    static Set<String> articles(String text) {
        return LegalReferences.articles(text);
    }

    /** The articles of {@code reference} that none of the {@code sources} mentions. */
    static List<String> unsupported(String reference, List<String> sources) {
        Set<String> cited = new LinkedHashSet<>();
        sources.forEach(source -> cited.addAll(articles(source)));
        List<String> missing = new ArrayList<>();
        for (String article : articles(reference)) {
            if (!cited.contains(article)) {
                missing.add(article);
            }
        }
        return missing;
    }
}
