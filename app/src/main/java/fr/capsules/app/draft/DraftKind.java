package fr.capsules.app.draft;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A draft is a text (an answer to rework) or a table (one row per finding). */
public enum DraftKind {
    TEXT,
    TABLE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
