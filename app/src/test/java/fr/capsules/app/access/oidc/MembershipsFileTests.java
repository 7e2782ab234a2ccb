package fr.capsules.app.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capsules.app.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipsFileTests {

    @TempDir
    Path folder;

    private Path write(String yaml, Instant modified) throws IOException {
        Path file = folder.resolve("appartenances.yaml");
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aMemberIsFoundByUsernameWithoutCaseAndAnUnknownPersonGetsNothing() throws IOException {
        MembershipsFile memberships = new MembershipsFile(write("""
                members:
                  - username: Jeanne.Dupont@ars.sante.fr
                    roles: [REFERENT]
                    services: [inspection]
                """, Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(memberships.find("jeanne.dupont@ars.sante.fr")).hasValueSatisfying(m -> {
            assertThat(m.roles()).containsExactly(Role.REFERENT);
            assertThat(m.services()).containsExactly("inspection");
        });
        FileMemberships source = new FileMemberships(memberships);
        Grant stranger = source.now("inconnu@ars.sante.fr", Map.of(), "jeton");
        assertThat(stranger.roles()).containsExactly(Role.AGENT);
        assertThat(stranger.services()).isEmpty();
    }

    @Test
    void aRemovalInTheFileTakesEffectOnTheNextLookup() throws IOException {
        Path file = write("""
                members:
                  - username: agent@ars.sante.fr
                    services: [inspection]
                """, Instant.parse("2026-01-01T00:00:00Z"));
        MembershipsFile memberships = new MembershipsFile(file);
        assertThat(memberships.find("agent@ars.sante.fr").orElseThrow().services()).containsExactly("inspection");

        write("""
                members:
                  - username: agent@ars.sante.fr
                    services: []
                """, Instant.parse("2026-01-01T00:00:05Z"));
        assertThat(memberships.find("agent@ars.sante.fr").orElseThrow().services()).isEmpty();
    }

    @Test
    void aFileThatNoLongerParsesGrantsNothingRatherThanTheOldContent() throws IOException {
        Path file = write("""
                members:
                  - username: agent@ars.sante.fr
                    services: [inspection]
                """, Instant.parse("2026-01-01T00:00:00Z"));
        MembershipsFile memberships = new MembershipsFile(file);
        assertThat(memberships.find("agent@ars.sante.fr")).isPresent();
        write("members: [ {username: agent@ars.sante.fr, servics: [x] }", Instant.parse("2026-01-01T00:00:09Z"));
        assertThat(memberships.find("agent@ars.sante.fr")).isEmpty();
    }
}
