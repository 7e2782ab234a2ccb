package fr.capsules.app.workshop;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What other features read of a capsule's evaluations and publications (the AI register), without
 * the permission checks of the referent's pages: the register is itself filtered by who may read it.
 */
@Component
public class PublicationRecords {

    private final Evaluations evaluations;
    private final CapsuleVersions versions;

    PublicationRecords(Evaluations evaluations, CapsuleVersions versions) {
        this.evaluations = evaluations;
        this.versions = versions;
    }

    /** The last finished evaluation: when it ended and whether it passed its thresholds. */
    public record LastEvaluation(String id, Instant finishedAt, boolean passed) {}

    /**
     * The version serving now, as published.
     *
     * @param overrideReason the administrator's reason when it was published over the gate, else null
     */
    public record Published(int version, Instant publishedAt, String publishedBy, String model, String modelDigest,
            String overrideReason) {}

    public Optional<LastEvaluation> lastEvaluation(String capsuleId) {
        return evaluations.lastFinished(capsuleId)
                .map(e -> new LastEvaluation(e.id(), e.finishedAt(), Boolean.TRUE.equals(e.passed())));
    }

    public Optional<Published> published(String capsuleId) {
        return versions.latest(capsuleId).map(v -> new Published(v.version(), v.publishedAt(), v.publishedBy(), v.model(),
                v.modelDigest(), v.overrideReason()));
    }
}
