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
}
