package fr.capsules.app.capsule;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who may open a capsule's original files (a citation opens the document at the cited page) among
 * the people who see the capsule; the others read the cited passage and its neighbours, never the
 * file.
 */
public enum OriginalsAccess {
    /** Everyone who sees the capsule. */
    EVERYONE,
    /** Only its maintainers: AI referents and administrators. */
    MAINTAINERS;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
