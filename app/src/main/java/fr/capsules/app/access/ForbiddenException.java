package fr.capsules.app.access;

/** The caller is known but lacks the role for this action. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }

    /** Requires the referent or admin role, for changes to capsules and their documents. */
    public static void requireMaintainer(CapsulesUser user) {
        if (!user.canMaintainCapsules()) {
            throw new ForbiddenException(
                    "seuls les référents IA et les administrateurs peuvent modifier une capsule ou ses documents");
        }
    }
}
