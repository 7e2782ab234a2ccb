package fr.capsules.app.workshop;

import fr.capsules.app.capsule.CapsuleDefinition;
import java.time.Instant;
import java.util.List;

/**
 * A published version of a capsule, immutable: its definition, its corpus manifest and hash, the
 * model and the digest the model server reported, and the evaluation that let it through (or the
 * administrator's override and its reason).
 *
 * @param status {@code published} (the version serving now), {@code superseded} (an earlier one) or
 *     {@code retired} (the capsule was retired since)
 * @param rolledBackFrom the version this one publishes again, null for an ordinary publication
 */
public record CapsuleVersion(int version, String status, Instant publishedAt, String publishedBy, String contentHash,
        String corpusHash, String model, String modelDigest, String evaluationId, String overrideReason, Integer rolledBackFrom,
        CapsuleDefinition definition, List<Fingerprints.ManifestEntry> manifest, Evaluation.Metrics scores) {

    /** The line of {@code GET …/versions}. */
    public record Summary(int version, String status, Instant publishedAt, String publishedBy, String corpusHash, String model,
            String modelDigest, String evaluationId, boolean overridden, Integer rolledBackFrom, int documents) {}

    Summary summary() {
        return new Summary(version, status, publishedAt, publishedBy, corpusHash, model, modelDigest, evaluationId,
                overrideReason != null, rolledBackFrom, manifest.size());
    }

    CapsuleVersion withStatus(String newStatus) {
        return new CapsuleVersion(version, newStatus, publishedAt, publishedBy, contentHash, corpusHash, model, modelDigest,
                evaluationId, overrideReason, rolledBackFrom, definition, manifest, scores);
    }
}
