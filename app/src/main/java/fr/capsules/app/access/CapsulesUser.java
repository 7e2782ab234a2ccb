package fr.capsules.app.access;

import java.util.Set;

/**
 * An authenticated person as the domain sees them.
 *
 * @param username login, unique
 * @param displayName name shown on validations and exports
 * @param roles at least one
 * @param services the services the person belongs to (e.g. {@code inspection})
 */
public record CapsulesUser(String username, String displayName, Set<Role> roles, Set<String> services) {

    public CapsulesUser {
        roles = Set.copyOf(roles);
        services = Set.copyOf(services);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Whether the person reads every capsule of the AI register, not only those they may see (admins, the DPO). */
    public boolean readsWholeRegister() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.DPO);
    }

    public boolean canMaintainCapsules() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.REFERENT);
    }
}
