package fr.capsules.app.document;

import fr.capsules.app.access.CapsulesUser;
import fr.capsules.app.access.ForbiddenException;
import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.index.DocumentRecord;
import fr.capsules.ingest.index.PassageHit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Opening a cited source: the original file for the people the capsule lets open it
 * ({@link Capsule#mayOpenOriginals}), the cited passage and its neighbours for everyone who sees
 * the capsule. The one place that rule is applied, for the API and the pages alike.
 */
@Component
public class CitedSources {

    static final String ORIGINALS_FOR_MAINTAINERS = "les documents originaux de cette capsule ne sont ouverts qu'à ses"
            + " référents IA et aux administrateurs ; les passages cités restent consultables depuis les réponses";

    /** Passages shown on each side of the cited one. */
    static final int NEIGHBOURS = 1;

    private final Capsules capsules;
    private final CapsuleIndexes indexes;
    private final DocumentLibrary library;

    CitedSources(Capsules capsules, CapsuleIndexes indexes, DocumentLibrary library) {
        this.capsules = capsules;
        this.indexes = indexes;
        this.library = library;
    }

    /**
     * A cited passage in its place: the passages around it, and whether this person may open the
     * original instead.
     *
     * @param passages the cited passage and up to {@value #NEIGHBOURS} on each side, in document order
     * @param cited the cited passage
     */
    public record Source(String capsuleId, DocumentRecord document, List<PassageHit> passages, PassageHit cited,
            boolean originalOpen) {

        /** A PDF opens at its page; other formats at the passage in the document's text. */
        public boolean paged() {
            return "pdf".equalsIgnoreCase(document.format()) && cited.page() > 0;
        }
    }

    /** The whole text of a document, passage by passage, for those who may open its original. */
    public record Text(String capsuleId, DocumentRecord document, List<PassageHit> passages) {}

    /**
     * The passage of rank {@code rank} in a document of a capsule the person sees.
     *
     * @throws DocumentNotFoundException when the document or the passage does not exist
     */
    public Source passage(String capsuleId, String documentId, int rank, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        DocumentRecord record = record(capsule, documentId);
        List<PassageHit> all = indexes.read(capsule, index -> index.passages(documentId));
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).passageId().equals(documentId + "#" + rank)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new DocumentNotFoundException(documentId + "#" + rank);
        }
        List<PassageHit> around = all.subList(Math.max(0, at - NEIGHBOURS), Math.min(all.size(), at + NEIGHBOURS + 1));
        return new Source(capsule.definition().id(), record, List.copyOf(around), all.get(at), capsule.mayOpenOriginals(user));
    }

    /** The document's text in full, as the original in the browser for formats it cannot show. */
    public Text text(String capsuleId, String documentId, CapsulesUser user) {
        Capsule capsule = openable(capsuleId, user);
        DocumentRecord record = record(capsule, documentId);
        return new Text(capsule.definition().id(), record, indexes.read(capsule, index -> index.passages(documentId)));
    }

    /** The original file. */
    public DocumentLibrary.Original original(String capsuleId, String documentId, CapsulesUser user) {
        return library.original(openable(capsuleId, user), documentId);
    }

    private Capsule openable(String capsuleId, CapsulesUser user) {
        Capsule capsule = capsules.require(capsuleId, user);
        if (!capsule.mayOpenOriginals(user)) {
            throw new ForbiddenException(capsule.definition().pseudonymised()
                    ? DocumentMaintenance.ORIGINAL_REFUSED : ORIGINALS_FOR_MAINTAINERS);
        }
        return capsule;
    }

    private DocumentRecord record(Capsule capsule, String documentId) {
        return indexes.read(capsule, index -> index.document(documentId))
                .orElseThrow(() -> new DocumentNotFoundException(documentId));
    }
}
