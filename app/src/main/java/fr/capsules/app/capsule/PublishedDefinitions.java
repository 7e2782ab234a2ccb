package fr.capsules.app.capsule;

import java.util.Optional;

/**
 * Where the published version of a capsule is read from (the workshop's snapshots), so that the
 * registry serves it to the capsule's audience while its maintainers change the working copy.
 */
public interface PublishedDefinitions {

    /** The version serving now and its definition as published, if the capsule was ever published. */
    Optional<Published> latest(String capsuleId);

    /** A published version's number and definition. */
    record Published(int version, CapsuleDefinition definition) {}
}
