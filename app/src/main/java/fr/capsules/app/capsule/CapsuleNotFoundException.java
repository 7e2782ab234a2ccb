package fr.capsules.app.capsule;

/**
 * No capsule with this id, or one the caller may not see: both answer the same, so that a scoped
 * capsule's existence is not revealed.
 */
public final class CapsuleNotFoundException extends RuntimeException {

    public CapsuleNotFoundException(String id) {
        super("aucune capsule « " + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + " » accessible");
    }
}
