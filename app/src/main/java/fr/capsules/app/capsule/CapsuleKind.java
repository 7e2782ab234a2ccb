package fr.capsules.app.capsule;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a capsule produces: a chat answer or a table with declared columns. */
public enum CapsuleKind {
    CHAT,
    TABLE;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind as shown to people (pages, register exports). */
    public String label() {
        return this == CHAT ? "réponses" : "tableau";
    }
}
