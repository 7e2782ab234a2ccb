package fr.capsules.app.access;

import java.util.List;
import java.util.Set;

/**
 * One entry of the users file.
 *
 * @param passwordHash bcrypt hash ({@code $2a$…}, {@code $2b$…} or {@code $2y$…})
 * @param apiTokenHashes SHA-256 (hex) of the API tokens this user may present as {@code Bearer}
 */
public record UserAccount(
        String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        Set<String> services,
        List<String> apiTokenHashes) {

    public UserAccount {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("nom d'utilisateur invalide : « " + username + " »");
        }
        if (passwordHash == null || !passwordHash.matches("\\$2[aby]?\\$\\d\\d\\$.{53}")) {
            throw new IllegalArgumentException(
                    "utilisateur « " + username + " » : passwordHash doit être un hachage bcrypt");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        roles = roles == null || roles.isEmpty() ? Set.of(Role.AGENT) : Set.copyOf(roles);
        services = services == null ? Set.of() : Set.copyOf(services);
        apiTokenHashes = apiTokenHashes == null ? List.of() : List.copyOf(apiTokenHashes);
    }

    public CapsulesUser toUser() {
        return new CapsulesUser(username, displayName, roles, services);
    }
}
