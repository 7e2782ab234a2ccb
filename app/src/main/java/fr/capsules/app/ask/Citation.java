package fr.capsules.app.ask;

import fr.capsules.ingest.index.PassageHit;
import java.util.List;

/**
 * A numbered source of an answer: {@code [n]} in the text refers to it.
 *
 * @param page 1-based page, null for formats without pages
 * @param passageId the passage's id in its capsule's index ({@code documentId#rank}), so that the
 *     page can open the document at this passage; null in citations kept before it was recorded
 */
public record Citation(
        int n, String documentId, String file, String title, Integer page, List<String> headingPath, String text,
        String passageId) {

    /** The citation numbered {@code n} of a retrieved passage (page null for formats without pages). */
    public static Citation of(int n, PassageHit hit) {
        return new Citation(
                n, hit.documentId(), hit.file(), hit.title(), hit.page() > 0 ? hit.page() : null, hit.headingPath(), hit.text(),
                hit.passageId());
    }

    /** "Titre, p. 3" — how the source is named in answers. */
    public String reference() {
        return title + (page == null ? "" : ", p. " + page);
    }
}
