package fr.capsules.app.draft;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a draft is in its review: written by the AI, changed by a person, then decided. */
public enum DraftStatus {
    GENERATED,
    EDITED,
    VALIDATED,
    REJECTED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DraftStatus parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new fr.capsules.app.kernel.InvalidRequestException(
                    "statut « " + value + " » inconnu : generated, edited, validated ou rejected");
        }
    }

    boolean isDecided() {
        return this == VALIDATED || this == REJECTED;
    }
}
