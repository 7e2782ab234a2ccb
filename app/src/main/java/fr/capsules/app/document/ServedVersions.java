package fr.capsules.app.document;

import fr.capsules.app.capsule.Capsule;
import fr.capsules.app.capsule.CapsuleDefinition;
import fr.capsules.app.capsule.Capsules;
import fr.capsules.ingest.index.DocumentRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which version of a capsule a page shows: the published one, to its audience; the working copy, to
 * its maintainers, with whether it holds changes not published yet (answer-shaping fields of the
 * definition, or documents added or removed since the published snapshot).
 */
@Component
public class ServedVersions {

    private final Capsules capsules;
    private final CapsuleIndexes indexes;

    ServedVersions(Capsules capsules, CapsuleIndexes indexes) {
        this.capsules = capsules;
        this.indexes = indexes;
    }

    /**
     * What a page says of the version shown.
     *
     * @param publishedVersion the version serving the audience now
     * @param workingCopy whether the page shows the working copy rather than that version
     * @param unpublishedChanges whether the working copy differs from that version
     */
    public record Shown(int publishedVersion, boolean workingCopy, boolean unpublishedChanges) {

        /** The label shown on the capsule's pages, in French. */
        public String label() {
            if (!workingCopy) {
                return "Version publiée " + publishedVersion;
            }
            return unpublishedChanges
                    ? "Version de travail — modifications non publiées (les agents consultent la version publiée "
                            + publishedVersion + ")"
                    : "Version de travail, identique à la version publiée " + publishedVersion;
        }
    }

    /** For a capsule as {@link Capsules#require} returned it; empty when it was never published. */
    public Optional<Shown> of(Capsule capsule) {
        if (capsule.servesPublishedVersion()) {
            return Optional.of(new Shown(capsule.servedVersion(), false, false));
        }
        Capsule published = capsules.servedToAudience(capsule);
        if (!published.servesPublishedVersion()) {
            return Optional.empty();
        }
        boolean changed = !sameAnswers(capsule.definition(), published.definition())
                || !corpus(indexes.read(capsule, index -> index.documents()))
                        .equals(corpus(indexes.read(published, index -> index.documents())));
        return Optional.of(new Shown(published.servedVersion(), true, changed));
    }

    private static boolean sameAnswers(CapsuleDefinition a, CapsuleDefinition b) {
        return a.kind() == b.kind() && a.instructions().equals(b.instructions()) && Objects.equals(a.model(), b.model())
                && Objects.equals(a.retrieval(), b.retrieval()) && Objects.equals(a.table(), b.table());
    }

    private static Set<String> corpus(List<DocumentRecord> documents) {
        return documents.stream().map(d -> d.documentId() + " " + d.sha256()).collect(Collectors.toSet());
    }
}
