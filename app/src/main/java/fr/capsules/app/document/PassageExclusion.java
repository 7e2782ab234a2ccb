package fr.capsules.app.document;

import java.time.Instant;

/**
 * A passage a referent excluded from a capsule: kept in the index, never searched nor sent to a
 * model.
 *
 * @param passageId the document id, '#', the passage's 0-based rank
 * @param passage the passage's 1-based number, as in the document's warnings
 * @param reason why, as the referent wrote it; may be null
 */
public record PassageExclusion(String capsuleId, String passageId, String documentId, int passage, String excludedBy,
        Instant excludedAt, String reason) {

    /** The id of the {@code number}-th (1-based) passage of a document. */
    static String passageId(String documentId, int number) {
        return documentId + "#" + (number - 1);
    }
}
