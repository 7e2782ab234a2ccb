package fr.capsules.app.capsule;

/**
 * No capsule with this id, or one the caller may not see: both answer the same, so that a scoped
 * capsule's existence is not revealed.
 */
public final class CapsuleNotFoundException extends RuntimeException {

    private final boolean hidden;

    public CapsuleNotFoundException(String id) {
        this(id, false);
    }

    /**
     * @param hidden the capsule exists but the caller may not see it: same answer, but the
     *     attempt is worth recording as a denied access
     */
    public CapsuleNotFoundException(String id, boolean hidden) {
        super("aucune capsule « " + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + " » accessible");
        this.hidden = hidden;
    }

    public boolean hidden() {
        return hidden;
    }
}
