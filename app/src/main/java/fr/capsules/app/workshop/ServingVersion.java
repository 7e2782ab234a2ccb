package fr.capsules.app.workshop;

import fr.capsules.app.provenance.PublishedVersions;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;

/**
 * The published version that serves a capsule's audience, as answers, drafts and exports name it: for now the
 * latest published version. The one method to redirect when the audience is served by a published snapshot while a
 * new version is prepared (issue 11, point 3).
 */
@Component
class ServingVersion implements PublishedVersions {

    private final CapsuleVersions versions;

    ServingVersion(CapsuleVersions versions) {
        this.versions = versions;
    }

    @Override
    public OptionalInt serving(String capsuleId) {
        return versions.latestNumber(capsuleId);
    }
}
