package fr.capsules.app.document;

/** No document with this id in the capsule. */
public final class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String id) {
        super("aucun document « " + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + " » dans cette capsule");
    }
}
