package fr.capsules.app.document;

/** No passage with this number in the document. */
public final class PassageNotFoundException extends RuntimeException {

    public PassageNotFoundException(String documentId, int number, int passages) {
        super("le document « " + documentId + " » n'a pas de passage n° " + number + " (il en compte " + passages + ")");
    }
}
