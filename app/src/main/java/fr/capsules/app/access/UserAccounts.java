package fr.capsules.app.access;

import fr.capsules.app.CapsulesProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The accounts the service knows: read from the users file; when that file does not exist, a
 * bootstrap administrator is written to it (password from {@code CAPSULES_ADMIN_PASSWORD}, or
 * generated and printed once). The {@code demo} profile adds the demo accounts in memory.
 * Immutable after start-up, hence thread-safe.
 */
@Component
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    static final String DEMO_PASSWORD = "demo";

    private final Map<String, UserAccount> byUsername = new LinkedHashMap<>();
    private final Map<String, UserAccount> byTokenHash = new LinkedHashMap<>();

    public UserAccounts(CapsulesProperties properties, PasswordEncoder encoder, Environment environment) {
        YAMLMapper yaml =
                YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Path file = properties.usersFileOrDefault();
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        if (Files.isRegularFile(file)) {
            UsersFile content = yaml.readValue(file.toFile(), UsersFile.class);
            content.users().forEach(this::add);
            log.info("{} compte(s) chargé(s) depuis {}", byUsername.size(), file.toAbsolutePath());
        } else if (!demo) {
            bootstrapAdmin(file, properties.adminPassword(), encoder, yaml);
        }
        if (demo) {
            DemoAccounts.all(encoder.encode(DEMO_PASSWORD)).stream()
                    .filter(a -> !byUsername.containsKey(a.username()))
                    .forEach(this::add);
            log.warn(
                    "Profil « demo » actif : comptes de démonstration {} (mot de passe « demo »). Ne jamais"
                            + " l'utiliser en production.",
                    DemoAccounts.USERNAMES);
        }
    }

    private void add(UserAccount account) {
        if (byUsername.putIfAbsent(account.username(), account) != null) {
            throw new IllegalStateException("compte « " + account.username() + " » défini deux fois");
        }
        account.apiTokenHashes().forEach(h -> byTokenHash.put(h.toLowerCase(java.util.Locale.ROOT), account));
    }

    private void bootstrapAdmin(Path file, String configuredPassword, PasswordEncoder encoder, YAMLMapper yaml) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        UserAccount admin =
                new UserAccount(
                        "admin", "Administrateur", encoder.encode(password), Set.of(Role.ADMIN), Set.of(), List.of());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Written beside, then renamed: a service killed meanwhile leaves no empty users file, which the next
            // start would read as "no account" instead of creating the administrator again.
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, yaml.writeValueAsString(new UsersFile(List.of(admin))), StandardCharsets.UTF_8);
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the users file " + file, e);
        }
        add(admin);
        if (generated) {
            log.warn(
                    "Aucun fichier d'utilisateurs : compte « admin » créé dans {} avec le mot de passe {}"
                            + " (affiché une seule fois ; changez-le ou définissez CAPSULES_ADMIN_PASSWORD).",
                    file.toAbsolutePath(),
                    password);
        } else {
            log.info("Aucun fichier d'utilisateurs : compte « admin » créé dans {}", file.toAbsolutePath());
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Optional<UserAccount> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    /** The account holding this API token, compared by SHA-256 so tokens are never stored. */
    public Optional<UserAccount> findByToken(String token) {
        return Optional.ofNullable(byTokenHash.get(sha256(token)));
    }

    public List<UserAccount> all() {
        return List.copyOf(byUsername.values());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The users file's shape. */
    record UsersFile(List<UserAccount> users) {
        UsersFile {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }
}
