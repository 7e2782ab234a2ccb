package fr.capsules.app.capsule;

/** How many documents a capsule's index holds; provided by the documents feature. */
public interface DocumentCounts {

    int documentCount(CapsuleId id);
}
