package fr.capsules.app.capsule;

import fr.capsules.app.access.CapsulesUser;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A loaded capsule: its checked definition and, for capsules shipped in the catalogue, the folder
 * its documents come from.
 *
 * @param servedVersion the published version this capsule is served as, to someone of its audience
 *     while its maintainers prepare the next one: the definition is then that version's (instructions,
 *     columns, retrieval settings, model) and its index the version's snapshot; null for the working
 *     copy, which maintainers and administrators work on (and capsules never published)
 */
public record Capsule(CapsuleDefinition definition, Path catalogFolder, Integer servedVersion) {

    public Capsule(CapsuleDefinition definition, Path catalogFolder) {
        this(definition, catalogFolder, null);
    }

    public CapsuleId id() {
        return new CapsuleId(definition.id());
    }

    /** The catalogue's {@code documents/} folder, when the capsule comes from the catalogue. */
    public Optional<Path> catalogDocuments() {
        return Optional.ofNullable(catalogFolder).map(f -> f.resolve("documents"));
    }

    /**
     * Whether the user may see this capsule: generic capsules for everyone, service capsules for
     * members of one of their services, everything for administrators. A capsule in {@code draft}
     * is only shown to the referents in its scope (and administrators) while it is being built. Its
     * maintainers (its creator and the referents it names) always see it, whatever its scope.
     */
    public boolean isVisibleTo(CapsulesUser user) {
        if (user.isAdmin() || isNamedMaintainer(user)) {
            return true;
        }
        boolean inScope =
                definition.scope().generic()
                        || definition.scope().services().stream().anyMatch(user.services()::contains);
        return inScope && (definition.status() != CapsuleStatus.DRAFT || user.canMaintainCapsules());
    }

    /**
     * Whether the user is one of this capsule's referents or an administrator: a referent who may
     * see the capsule (its scope includes one of their services, or it is generic). They alone may
     * read its pseudonym table and, when it is pseudonymised, download its original files.
     */
    public boolean isMaintainedBy(CapsulesUser user) {
        return user.isAdmin() || (user.canMaintainCapsules() && isVisibleTo(user));
    }

    /**
     * Whether this person, who sees the capsule, may open its original files; the others are shown
     * the cited passages only. Originals of a pseudonymised capsule hold the personal data the index
     * does not: only its maintainers open them, whatever the capsule's setting.
     */
    public boolean mayOpenOriginals(CapsulesUser user) {
        boolean openToAll = definition.originals() == OriginalsAccess.EVERYONE && !definition.pseudonymised();
        return openToAll || isMaintainedBy(user);
    }

    /** Whether the person is one of the referents the capsule names as its maintainers (its creator included). */
    public boolean isNamedMaintainer(CapsulesUser user) {
        return user.canMaintainCapsules() && definition.maintainers().contains(user.username());
    }

    /** Retired capsules stay listed for the record but answer no more questions. */
    public void requireInService() {
        if (definition.status() == CapsuleStatus.RETIRED) {
            throw new CapsuleConflictException(
                    "la capsule « " + definition.name() + " » est retirée : elle ne répond plus aux questions ;"
                            + " adressez-vous à son référent (" + definition.referent() + ")");
        }
    }

    Capsule with(CapsuleDefinition newDefinition) {
        return new Capsule(newDefinition, catalogFolder);
    }

    /** Whether this is the published version served to the audience rather than the working copy. */
    public boolean servesPublishedVersion() {
        return servedVersion != null;
    }

    /**
     * This capsule as its audience is served it: the published definition's answer-shaping fields
     * (kind, instructions, model, retrieval settings, table columns) over the working copy's name,
     * scope, status, referents and settings, which apply at once.
     */
    Capsule servedAs(int version, CapsuleDefinition published) {
        CapsuleDefinition d = definition;
        CapsuleDefinition served = new CapsuleDefinition(d.id(), d.name(), d.description(), d.purpose(), d.referent(),
                version, d.status(), d.scope(), published.kind(), published.instructions(), published.model(),
                published.retrieval(), published.table(), d.validation(), d.pseudonymisation(), d.originals(),
                d.maintainers());
        return new Capsule(served, catalogFolder, version);
    }
}
