package fr.capsules.app.ask;

import fr.capsules.ingest.index.PassageHit;
import java.util.List;

/**
 * A numbered source of an answer: {@code [n]} in the text refers to it.
 *
 * @param page 1-based page, null for formats without pages
 * @param passageId the passage's id in its capsule's index ({@code documentId#rank}), so that the
 *     page can open the document at this passage; null in citations kept before it was recorded
 * @param attribution how the answer drew on the passage: {@link #CITED} (the model wrote its
 *     marker), {@link #RESTATED} (a sentence written without a marker restates it; the service added
 *     the marker), {@link #CONSULTED} (given to the model, no sentence traced to it: shown so that
 *     an answer never comes without its sources); null for passages quoted by an extractive answer
 *     or listed under an abstention, and in citations kept before it was recorded
 */
public record Citation(
        int n, String documentId, String file, String title, Integer page, List<String> headingPath, String text,
        String passageId, String attribution) {

    public static final String CITED = "cited";
    public static final String RESTATED = "restated";
    public static final String CONSULTED = "consulted";

    /** A citation whose attribution is not recorded. */
    public Citation(int n, String documentId, String file, String title, Integer page, List<String> headingPath, String text,
            String passageId) {
        this(n, documentId, file, title, page, headingPath, text, passageId, null);
    }

    /** The citation numbered {@code n} of a retrieved passage (page null for formats without pages). */
    public static Citation of(int n, PassageHit hit) {
        return of(n, hit, null);
    }

    /** The citation numbered {@code n} of a retrieved passage, drawn on as {@code attribution} says. */
    public static Citation of(int n, PassageHit hit, String attribution) {
        return new Citation(
                n, hit.documentId(), hit.file(), hit.title(), hit.page() > 0 ? hit.page() : null, hit.headingPath(), hit.text(),
                hit.passageId(), attribution);
    }

    /** "Titre, p. 3" — how the source is named in answers. */
    public String reference() {
        return title + (page == null ? "" : ", p. " + page);
    }
}
