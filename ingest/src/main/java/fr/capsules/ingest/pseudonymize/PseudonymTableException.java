package fr.capsules.ingest.pseudonymize;

/**
 * A pseudonym table file that cannot be read back: wrong key, altered or truncated content, or not
 * a table at all. The message is French and says which; it never contains the key or any entry.
 */
public final class PseudonymTableException extends RuntimeException {

    /** Why a table could not be read. */
    public enum Reason {
        WRONG_KEY("La table de correspondance ne peut pas être déchiffrée avec cette clé : clé incorrecte."),
        TAMPERED("La table de correspondance a été altérée ou tronquée : son contenu ne peut pas être vérifié."),
        NOT_A_TABLE("Ce fichier n'est pas une table de correspondance de pseudonymisation (ou sa version est inconnue).");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    PseudonymTableException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    PseudonymTableException(Reason reason, Throwable cause) {
        super(reason.message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
