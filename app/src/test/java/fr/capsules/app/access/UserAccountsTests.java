package fr.capsules.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capsules.app.CapsulesProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UserAccountsTests {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @TempDir
    Path data;

    private UserAccounts load(String adminPassword, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new UserAccounts(new CapsulesProperties(data, data.resolve("catalog"), null, adminPassword), encoder, environment);
    }

    @Test
    void withoutUsersFileABootstrapAdminIsWrittenWithTheConfiguredPassword() throws IOException {
        UserAccounts accounts = load("mot-de-passe-initial");

        UserAccount admin = accounts.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(encoder.matches("mot-de-passe-initial", admin.passwordHash())).isTrue();
        String file = Files.readString(data.resolve("users.yaml"));
        assertThat(file).contains("admin").doesNotContain("mot-de-passe-initial");

        // Next start reads the file: same hash, no new password.
        assertThat(load("").find("admin").orElseThrow().passwordHash()).isEqualTo(admin.passwordHash());
    }

    @Test
    void aUsersFileGivesRolesServicesAndApiTokens() throws IOException {
        String hash = encoder.encode("secret");
        String tokenHash = UserAccounts.sha256("jeton-de-test");
        Files.writeString(data.resolve("users.yaml"), """
                users:
                  - username: jdupont
                    displayName: Jeanne Dupont
                    passwordHash: "%s"
                    roles: [REFERENT]
                    services: [inspection]
                    apiTokenHashes: ["%s"]
                """.formatted(hash, tokenHash));

        UserAccounts accounts = load("");

        CapsulesUser user = accounts.find("jdupont").orElseThrow().toUser();
        assertThat(user.displayName()).isEqualTo("Jeanne Dupont");
        assertThat(user.services()).containsExactly("inspection");
        assertThat(user.canMaintainCapsules()).isTrue();
        assertThat(accounts.findByToken("jeton-de-test")).map(UserAccount::username).contains("jdupont");
        assertThat(accounts.findByToken("autre")).isEmpty();
        assertThat(accounts.find("admin")).as("no bootstrap admin when a file exists").isEmpty();
    }

    @Test
    void theDemoProfileAddsOneAccountPerRoleAndService() {
        UserAccounts accounts = load("", "demo");
        assertThat(accounts.all()).extracting(UserAccount::username)
                .containsExactlyInAnyOrder("admin", "referent", "inspecteur", "controleur", "reclamations", "agent", "dpo");
        assertThat(encoder.matches("demo", accounts.find("inspecteur").orElseThrow().passwordHash())).isTrue();
        assertThat(accounts.find("reclamations").orElseThrow().services()).containsExactly("reclamations");
        assertThat(Files.exists(data.resolve("users.yaml"))).as("demo writes no users file").isFalse();
    }

    @Test
    void aPlainTextPasswordInTheUsersFileIsRefused() {
        assertThatThrownBy(() -> new UserAccount("x", null, "motdepasse", null, null, null))
                .hasMessageContaining("bcrypt");
    }
}
