package fr.capsules.app.draft;

/** No draft with this id in a capsule the caller may see. */
public final class DraftNotFoundException extends RuntimeException {

    public DraftNotFoundException(String id) {
        super("aucun brouillon « " + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + " » accessible");
    }
}
