package fr.capsules.app.draft;

import java.time.Instant;
import java.util.Objects;

/**
 * A warning a person said they had faced, when validating the draft: kept with the draft, recorded in the audit
 * trail and listed in the annex of every export.
 *
 * @param warning the warning as it was shown
 * @param acknowledgedBy who ticked it
 * @param acknowledgedAt when (the validation's instant)
 */
public record Acknowledgement(DraftWarning warning, Draft.Person acknowledgedBy, Instant acknowledgedAt) {

    public Acknowledgement {
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(acknowledgedBy, "acknowledgedBy");
        Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
    }
}
