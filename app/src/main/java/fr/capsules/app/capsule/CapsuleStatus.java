package fr.capsules.app.capsule;

import com.fasterxml.jackson.annotation.JsonValue;

/** Life cycle of a capsule: being built, in use, withdrawn. */
public enum CapsuleStatus {
    DRAFT,
    PUBLISHED,
    RETIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status as shown to people (pages, register exports). */
    public String label() {
        return switch (this) {
            case DRAFT -> "en préparation";
            case PUBLISHED -> "publiée";
            case RETIRED -> "retirée";
        };
    }
}
