package fr.capsules.app.access;

import java.util.List;
import java.util.Set;

/** The accounts of the {@code demo} profile, one per role and service (password "demo"). */
final class DemoAccounts {

    static final List<String> USERNAMES = List.of("admin", "referent", "inspecteur", "controleur", "reclamations", "agent", "dpo");

    private DemoAccounts() {}

    static List<UserAccount> all(String passwordHash) {
        return List.of(
                account("admin", "Alice Admin", passwordHash, Set.of(Role.ADMIN), Set.of()),
                account("referent", "Romain Référent", passwordHash, Set.of(Role.REFERENT), Set.of("inspection", "reclamations")),
                account("inspecteur", "Inès Inspectrice", passwordHash, Set.of(Role.AGENT), Set.of("inspection")),
                account("controleur", "Claude Contrôleur", passwordHash, Set.of(Role.AGENT), Set.of("inspection")),
                account("reclamations", "Rachid Réclamations", passwordHash, Set.of(Role.AGENT), Set.of("reclamations")),
                account("agent", "Agathe Agent", passwordHash, Set.of(Role.AGENT), Set.of()),
                account("dpo", "Dominique Délégué", passwordHash, Set.of(Role.DPO), Set.of()));
    }

    private static UserAccount account(String username, String name, String hash, Set<Role> roles, Set<String> services) {
        return new UserAccount(username, name, hash, roles, services, List.of());
    }
}
