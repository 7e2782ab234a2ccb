package fr.capsules.app.access.oidc;

import fr.capsules.app.access.Role;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles and services a person holds.
 *
 * @param roles at least one (AGENT when nothing else)
 * @param services possibly none
 */
record Grant(Set<Role> roles, Set<String> services) {

    Grant {
        roles = roles.isEmpty() ? Set.of(Role.AGENT) : Set.copyOf(roles);
        services = Set.copyOf(services);
    }

    /** What both grants allow: a credential never gives more than it was issued with, nor than now. */
    Grant intersect(Grant other) {
        Set<Role> commonRoles = EnumSet.noneOf(Role.class);
        commonRoles.addAll(roles);
        commonRoles.retainAll(other.roles);
        Set<String> commonServices = new LinkedHashSet<>(services);
        commonServices.retainAll(other.services);
        return new Grant(commonRoles, commonServices);
    }
}
