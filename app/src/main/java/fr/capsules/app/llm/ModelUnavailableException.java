package fr.capsules.app.llm;

/**
 * The model could not give a usable answer. The message is a French sentence for the agent; the
 * {@link Reason} says what to tell an operator.
 */
public final class ModelUnavailableException extends RuntimeException {

    /** What went wrong, from the service's point of view. */
    public enum Reason {
        /** Nothing listens at the configured address, or the connection broke. */
        UNREACHABLE("le serveur de modèles ne répond pas"),
        /** Connected, but no answer within the time limit. */
        TIMEOUT("le modèle n'a pas répondu dans le délai imparti"),
        /** The server does not have the model. */
        MODEL_MISSING("le modèle demandé n'est pas installé sur le serveur"),
        /** The server answered something that is not a model answer. */
        INVALID_REPLY("le serveur de modèles a renvoyé une réponse invalide"),
        /** The model answered nothing. */
        EMPTY_REPLY("le modèle a renvoyé une réponse vide"),
        /** The server reported an error. */
        SERVER_ERROR("le serveur de modèles a signalé une erreur"),
        /** Too many generations already wait for the model server ({@link ModelQueue}). */
        BUSY("le serveur de modèles est saturé : trop de demandes attendent déjà leur tour");

        private final String sentence;

        Reason(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private final Reason reason;

    public ModelUnavailableException(Reason reason, String detail, Throwable cause) {
        super(reason.sentence() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
