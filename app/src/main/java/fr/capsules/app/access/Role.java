package fr.capsules.app.access;

/** What a user may do: ask and draft, also maintain capsules, or everything. */
public enum Role {
    AGENT,
    REFERENT,
    ADMIN
}
