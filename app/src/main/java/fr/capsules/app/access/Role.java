package fr.capsules.app.access;

/**
 * What a user may do: ask and draft, also maintain capsules, or everything. {@code DPO} (the data protection officer)
 * asks and drafts like an agent and also reads the whole AI register.
 */
public enum Role {
    AGENT,
    REFERENT,
    ADMIN,
    DPO
}
