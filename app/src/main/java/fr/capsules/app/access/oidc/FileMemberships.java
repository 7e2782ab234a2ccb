package fr.capsules.app.access.oidc;

import java.util.Map;
import java.util.Set;

/**
 * Roles and services from the local memberships file, by username (ProConnect: its claims say who
 * the person is, not which services of the agency they belong to). The file is the source of
 * truth at login and on every request; the provider is not asked again.
 */
final class FileMemberships implements CurrentMemberships {

    private final MembershipsFile file;

    FileMemberships(MembershipsFile file) {
        this.file = file;
    }

    @Override
    public Grant atLogin(String username, Map<String, Object> claims) {
        return lookup(username);
    }

    @Override
    public Grant now(String username, Map<String, Object> asserted, String accessToken) {
        return lookup(username);
    }

    private Grant lookup(String username) {
        return file.find(username)
                .map(m -> new Grant(m.roles(), m.services()))
                .orElseGet(() -> new Grant(Set.of(), Set.of()));
    }
}
