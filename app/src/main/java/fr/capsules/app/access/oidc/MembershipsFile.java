package fr.capsules.app.access.oidc;

import fr.capsules.app.access.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Roles and services kept in a local file, for providers whose claims carry none (ProConnect):
 *
 * <pre>
 * members:
 *   - username: jeanne.dupont@ars.sante.fr   # the value of capsules.oidc.claims.username
 *     roles: [REFERENT]                       # AGENT when absent
 *     services: [inspection]
 * </pre>
 *
 * Usernames are compared without case (e-mail addresses). The file is read again whenever its
 * modification time or size changes, so a removal takes effect on the next request; a file that
 * no longer parses is reported in the log and grants nothing until it is fixed (never the
 * previous, possibly broader, content). Thread-safe.
 */
final class MembershipsFile {

    private static final Logger log = LoggerFactory.getLogger(MembershipsFile.class);

    /** One member's entry. */
    record Member(String username, Set<Role> roles, Set<String> services) {
        Member {
            roles = roles == null || roles.isEmpty() ? Set.of(Role.AGENT) : Set.copyOf(roles);
            services = services == null ? Set.of() : Set.copyOf(services);
        }
    }

    record Content(List<Member> members) {
        Content {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    private record Snapshot(FileTime modified, long size, Map<String, Member> byUsername) {}

    private static final YAMLMapper YAML =
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, -1, Map.of());

    MembershipsFile(Path file) {
        this.file = file;
    }

    /** The entry for this username as the file says now; empty when not listed. */
    Optional<Member> find(String username) {
        return Optional.ofNullable(current().byUsername().get(username.toLowerCase(Locale.ROOT)));
    }

    private Snapshot current() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            if (snapshot.size() != -2) {
                log.error("Fichier des appartenances {} illisible : aucun rôle ni service accordé", file.toAbsolutePath());
                snapshot = new Snapshot(null, -2, Map.of());
            }
            return snapshot;
        }
        Snapshot known = snapshot;
        if (modified.equals(known.modified()) && size == known.size()) {
            return known;
        }
        synchronized (this) {
            if (!modified.equals(snapshot.modified()) || size != snapshot.size()) {
                snapshot = new Snapshot(modified, size, read());
            }
            return snapshot;
        }
    }

    private Map<String, Member> read() {
        try {
            Map<String, Member> members = new HashMap<>();
            for (Member member : YAML.readValue(file.toFile(), Content.class).members()) {
                if (member.username() != null && !member.username().isBlank()) {
                    members.put(member.username().toLowerCase(Locale.ROOT), member);
                }
            }
            log.info("{} appartenance(s) lue(s) depuis {}", members.size(), file.toAbsolutePath());
            return Map.copyOf(members);
        } catch (JacksonException e) {
            log.error("Fichier des appartenances {} invalide ({}) : aucun rôle ni service accordé tant qu'il n'est pas corrigé",
                    file.toAbsolutePath(), e.getOriginalMessage());
            return Map.of();
        }
    }
}
