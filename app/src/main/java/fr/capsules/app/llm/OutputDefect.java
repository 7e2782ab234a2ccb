package fr.capsules.app.llm;

import java.util.Locale;

/**
 * Why a model's output did not arrive whole. Each one ends the generation at once; the text received so far is
 * kept and the answer or table row carrying it is marked incomplete, with {@link #sentence()} shown to the agent.
 */
public enum OutputDefect {
    /** A line of the stream was not a JSON object: words may be missing where it stood. */
    MALFORMED_LINE("une ligne du flux du modèle était illisible, des mots peuvent manquer"),
    /** Bytes that are not UTF-8, or replacement characters standing for them. */
    INVALID_TEXT("le modèle a envoyé du texte invalide (caractères mal encodés)"),
    /** The server reported an error in the middle of the answer. */
    ERROR_LINE("le serveur de modèles a signalé une erreur en cours de réponse"),
    /** The connection broke, or the stream ended without its final line. */
    CONNECTION_CUT("la connexion au serveur de modèles a été coupée avant la fin de la réponse"),
    /** The answer reached the output-token cap ({@code done_reason: "length"}). */
    TOKEN_CAP("la réponse a atteint la longueur maximale autorisée"),
    /** The generation went on past the overall deadline. */
    DEADLINE("la réponse a dépassé le délai maximal de génération"),
    /** The model stayed silent longer than the idle timeout, mid-answer. */
    STALLED("le modèle s'est interrompu en cours de réponse"),
    /** The model repeated the same words over and over. */
    REPETITION("le modèle s'est mis à répéter les mêmes mots, la génération a été arrêtée");

    private final String sentence;

    OutputDefect(String sentence) {
        this.sentence = sentence;
    }

    /** A French clause for the agent, without capital or final full stop. */
    public String sentence() {
        return sentence;
    }

    /** Stable identifier for the API and the audit trail: {@code token-cap}, {@code repetition}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
