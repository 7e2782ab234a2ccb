package fr.capsules.app.provenance;

import java.util.OptionalInt;

/**
 * Which published version of a capsule serves its audience now (empty: none was published, the working copy
 * serves). Implemented by the workshop, which keeps the versions.
 */
public interface PublishedVersions {

    OptionalInt serving(String capsuleId);
}
