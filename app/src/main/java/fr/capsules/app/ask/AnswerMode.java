package fr.capsules.app.ask;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an answer was produced. */
public enum AnswerMode {
    /** Written by the model from the cited passages. */
    GENERATIVE,
    /** No model reachable: the best passages, quoted. */
    EXTRACTIVE,
    /** The documents do not support an answer. */
    ABSTAINED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
