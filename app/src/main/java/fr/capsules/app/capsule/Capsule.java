package fr.capsules.app.capsule;

import fr.capsules.app.access.CapsulesUser;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded capsule: its checked definition and, for capsules shipped in the catalogue, the folder
 * its documents come from.
 */
public record Capsule(CapsuleDefinition definition, Path catalogFolder) {

    public CapsuleId id() {
        return new CapsuleId(definition.id());
    }

    /** The catalogue's {@code documents/} folder, when the capsule comes from the catalogue. */
    public Optional<Path> catalogDocuments() {
        return Optional.ofNullable(catalogFolder).map(f -> f.resolve("documents"));
    }

    /**
     * Whether the user may see this capsule: generic capsules for everyone, service capsules for
     * members of one of their services, everything for administrators.
     */
    public boolean isVisibleTo(CapsulesUser user) {
        return user.isAdmin()
                || definition.scope().generic()
                || definition.scope().services().stream().anyMatch(user.services()::contains);
    }

    Capsule with(CapsuleDefinition newDefinition) {
        return new Capsule(newDefinition, catalogFolder);
    }
}
